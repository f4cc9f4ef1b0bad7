/** What a summary is made of: sentences, each with the figures it states and where they come from. */
import type { IndicatorName } from '../model/dictionary.ts';
import type { Window } from '../types.ts';

/** A figure a summary states: the indicator it comes from, and the text it is written as. */
export interface CitedFigure {
  indicator: IndicatorName;
  /** The window id of the indicator row (`2020`, `2015-2020`); the previous window for a change's base. */
  period: string;
  value: number | string;
  /** The figure as written in the text, e.g. `12,25%` or `7.335`. */
  text: string;
  /**
   * Set for a figure that is not an indicator row of `period`: a stock at an earlier snapshot
   * (the base of the villages change), found in `dataset.figures[unit].snapshots` at this date.
   */
  asOf?: string;
}

export type SentenceTopic =
  | 'target'
  | 'admitted'
  | 'composition'
  | 'change'
  | 'rate'
  | 'training'
  | 'stock'
  | 'villages';

export interface SummarySentence {
  topic: SentenceTopic;
  text: string;
  figures: CitedFigure[];
}

export interface Summary {
  unitId: string;
  /** The window id: `2020` or a term id. */
  period: string;
  kind: Window['kind'];
  /**
   * True when every flow the window has (admitted, classes, trainees, dossiers) covers all its months
   * and, when summed, every active child reported; a window of stocks and targets only is complete.
   */
  complete: boolean;
  text: string;
  sentences: SummarySentence[];
  figures: CitedFigure[];
}
