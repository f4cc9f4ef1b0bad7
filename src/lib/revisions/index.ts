/**
 * What changed since the last publication (spec: `revisions.csv`): the build compares its counts with the
 * previous publication's, appends the revised and withdrawn ones to the previous revisions.csv, prints a
 * summary and warns of revisions that look like typos. The check adds the warnings about the current data.
 */
import { fmtCount } from '../format/index.ts';
import type { Dataset, Diagnostic } from '../types.ts';
import { type Change, diffCounts } from './diff.ts';
import { figureText, indicatorLabel, lowerFirst, windowMonths, windowPhrase } from './labels.ts';
import type { PreviousPublication } from './previous.ts';
import { type RevisionRow, revisionsCsvText } from './records.ts';
import { candidatesOf, resolve } from './locate.ts';
import { revisionNote } from './warnings.ts';

export { dataWarnings } from './warnings.ts';
export { loadPrevious, previousSourceFromEnv, PreviousDataError } from './load.ts';
export type { PreviousPublication } from './previous.ts';
export { REVISION_COLUMNS, parseRevisions, type RevisionRow } from './records.ts';
export { REVISION_METHODS } from './methods.ts';

/** How many revised and withdrawn figures the printed summary lists. */
export const SUMMARY_LINES = 20;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The build's date in Vietnam time (UTC+7, no daylight saving), or BUILD_DATE (YYYY-MM-DD) when set. */
export function buildDate(env: Record<string, string | undefined> = process.env, now = new Date()): string {
  const set = env.BUILD_DATE?.trim();
  if (set) {
    if (!ISO_DATE.test(set) || Number.isNaN(Date.parse(set))) {
      throw new Error(`BUILD_DATE=${set}: cần một ngày dạng YYYY-MM-DD, ví dụ 2026-12-01.`);
    }
    return set;
  }
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export interface RevisionResult {
  /** The whole data/revisions.csv to publish: the previous rows, then this build's. */
  revisionsCsv: string;
  /** This build's rows (also at the end of revisionsCsv). */
  newRows: RevisionRow[];
  /** The summary to print before the new site is swapped in, in Vietnamese. */
  summaryLines: string[];
  /** Revisions that look like typos, naming the row behind the new figure (for the build's output only). */
  warnings: Diagnostic[];
  counts: { added: number; revised: number; withdrawn: number };
}

/** The CSV column a count comes from, for a diagnostic's `[column]`. */
const columnOf = (indicator: string): string =>
  indicator === 'members_at_start' ? 'members' : indicator.replace(/_members$/, '');

const magnitude = (c: Change) => Math.abs((c.newValue === '' ? 0 : Number(c.newValue)) - Number(c.oldValue));

export function reviseAgainstPrevious(args: {
  dataset: Dataset;
  previous: PreviousPublication | undefined;
  buildDate: string;
}): RevisionResult {
  const { dataset, previous } = args;
  const carried = previous?.revisions ?? [];
  const none = { added: 0, revised: 0, withdrawn: 0 };
  if (!previous?.indicators) {
    const line = previous
      ? `Bản công bố trước (${previous.source}) không có indicators.csv: không có gì để so sánh.`
      : 'Không có bản công bố trước: không có gì để so sánh.';
    return { revisionsCsv: revisionsCsvText(carried), newRows: [], summaryLines: [line], warnings: [], counts: none };
  }

  const diff = diffCounts(dataset, previous.indicators);
  const newRows: RevisionRow[] = [];
  const notes: (string | undefined)[] = [];
  const noted: Change[] = [];
  for (const c of diff.changes) {
    const note = revisionNote(c.oldValue, c.newValue);
    notes.push(note);
    newRows.push({
      revised_on: args.buildDate,
      unit_id: c.unitId,
      period: c.period,
      indicator: c.indicator,
      old_value: c.oldValue,
      new_value: c.newValue,
      old_months: c.oldMonths,
      new_months: c.newMonths,
      note: note ?? '',
    });
    if (note) noted.push(c);
  }
  const places = resolve(
    dataset,
    noted.map((c) => candidatesOf(dataset, c.unitId, c.period, c.indicator)),
  );
  const warnings: Diagnostic[] = noted.map((c, i) => ({
    severity: 'warning',
    ...places[i]!,
    column: columnOf(c.indicator),
    value: c.newValue,
    message: `${describe(dataset, c)} (${revisionNote(c.oldValue, c.newValue)}). Hãy kiểm tra lại dòng này.`,
  }));

  const withdrawn = diff.changes.filter((c) => c.newValue === '').length;
  const counts = { added: diff.added, revised: diff.changes.length - withdrawn, withdrawn };
  const summaryLines = [
    `So với bản công bố trước (${previous.source}): ${fmtCount(counts.added)} số liệu mới, ` +
      `${fmtCount(counts.revised)} số liệu được điều chỉnh, ${fmtCount(counts.withdrawn)} số liệu bị rút bỏ.`,
  ];
  const order = diff.changes.map((c, i) => ({ c, i, size: magnitude(c) }));
  order.sort((a, b) => b.size - a.size || a.i - b.i);
  for (const { c, i } of order.slice(0, SUMMARY_LINES)) {
    summaryLines.push(
      `  ${describe(dataset, c)}${c.newValue === '' ? ' (rút bỏ)' : ''}${notes[i] ? ` — ${notes[i]}` : ''}`,
    );
  }
  if (order.length > SUMMARY_LINES) {
    summaryLines.push(`  … và ${fmtCount(order.length - SUMMARY_LINES)} số liệu khác (xem data/revisions.csv).`);
  }
  // Most of the publication gone at once is rarely a correction: more likely another board's site, or the wrong
  // data folder. Said before the history records it for good.
  if (withdrawn > 0 && withdrawn * 2 > previous.indicators.rows) {
    summaryLines.push(
      `Chú ý: ${fmtCount(withdrawn)} trong ${fmtCount(previous.indicators.rows)} số liệu đã công bố bị rút bỏ. ` +
        'Kiểm tra lại thư mục dữ liệu (DATA_DIR) và bản công bố trước (PREVIOUS_DATA) có đúng là của đơn vị mình.',
    );
  }
  return { revisionsCsv: revisionsCsvText([...carried, ...newRows]), newRows, summaryLines, warnings, counts };
}

/** `Đảng bộ huyện Bình Liêu (BL), năm 2020, kết nạp đảng viên mới: 53 (7/12 tháng) → 54` */
function describe(dataset: Dataset, c: Change): string {
  const u = dataset.unitById[c.unitId];
  const of = windowMonths(c.period, dataset.terms);
  return (
    `${u ? `${u.name} (${c.unitId})` : c.unitId}, ${windowPhrase(c.period, dataset.terms)}, ` +
    `${lowerFirst(indicatorLabel(c.indicator))}: ` +
    `${figureText(c.oldValue, c.oldMonths, of)} → ${figureText(c.newValue, c.newMonths, of)}`
  );
}
