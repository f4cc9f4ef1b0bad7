/**
 * What the build would publish for the checked files, for a maintainer to read before sending them up: the units
 * the files speak of, the months their rows cover, and per unit and window the main figures (admitted with its
 * months, target, achievement), as texts ready to show. Only the units of the files' own rows (or of their own
 * units table): the site's published units stand in as references, they are not the report.
 */
import { fmtCount, fmtFlow, fmtMonthIndex, fmtPct } from '../format/index.ts';
import type { DataFileName } from '../ingest/names.ts';
import type { Dataset, RowOrigin, Unit, WindowFigures } from '../types.ts';
import { LEVEL_LABEL } from '../view/labels.ts';

export interface SummaryUnit {
  id: string;
  label: string;
  level: string;
  /** Rows of the files' data tables about the unit. */
  rows: number;
}

export interface SummaryRow {
  unit: string;
  window: string;
  /** `53 (7/12 tháng)`, `109`, `—`. */
  admitted: string;
  target: string;
  achieved: string;
}

export interface CheckSummary {
  units: SummaryUnit[];
  /** First and last month of the admissions and training rows, `01/2024 – 06/2024`; undefined without any. */
  months?: string;
  /** Labels of the years and terms with figures, in order. */
  windows: string[];
  /** At most ROWS_SHOWN rows; `more` says how many were left out. */
  rows: SummaryRow[];
  more: number;
}

export const ROWS_SHOWN = 500;

/** `published`: tables that came from the site, not from the files. */
export function checkSummary(ds: Dataset, published: ReadonlySet<DataFileName>): CheckSummary {
  const { admissions, targets, training, members } = ds.inputs;
  const rowsOf = new Map<string, number>();
  let from = Infinity;
  let to = -Infinity;
  // The months reported: of the flows (a target's year is a plan, not months with figures).
  for (const r of [...admissions, ...training]) {
    from = Math.min(from, r.period.from);
    to = Math.max(to, r.period.to);
  }
  for (const r of [...admissions, ...targets, ...training, ...members])
    rowsOf.set(r.unitId, (rowsOf.get(r.unitId) ?? 0) + 1);
  // No data rows but a units table of their own: the files are a list of units.
  const ids = rowsOf.size > 0 || published.has('units.csv') ? [...rowsOf.keys()] : ds.units.map((u) => u.id);
  const units = ids
    .map((id) => ds.unitById[id])
    .filter((u): u is Unit => u !== undefined)
    .sort(byOrigin);
  const windows = new Map<string, { label: string; order: number }>();
  const rows: SummaryRow[] = [];
  let total = 0;
  for (const u of units) {
    const f = ds.figures[u.id];
    if (f === undefined) continue;
    for (const w of [...Object.values(f.years), ...Object.values(f.terms)]) {
      if (w.admitted === undefined && w.target === undefined) continue;
      windows.set(w.window.id, {
        label: w.window.label,
        order: w.window.kind === 'year' ? w.window.from : 1e9 + w.window.from,
      });
      total++;
      if (rows.length < ROWS_SHOWN) rows.push(summaryRow(u, w));
    }
  }
  return {
    units: units.map((u) => ({ id: u.id, label: u.label, level: LEVEL_LABEL[u.level], rows: rowsOf.get(u.id) ?? 0 })),
    ...(from <= to ? { months: `${fmtMonthIndex(from)} – ${fmtMonthIndex(to)}` } : {}),
    windows: [...windows.values()].sort((a, b) => a.order - b.order).map((w) => w.label),
    rows,
    more: total - rows.length,
  };
}

function summaryRow(u: Unit, w: WindowFigures): SummaryRow {
  return {
    unit: `${u.label} (${u.id})`,
    window: w.window.label,
    admitted: fmtFlow(w.admitted),
    target: w.target === undefined ? fmtCount(undefined) : fmtCount(w.target.value),
    achieved: fmtPct(w.targetAchievedPct),
  };
}

/** In the order the files list them (file, then line). */
function byOrigin(a: Unit, b: Unit): number {
  const o = (x: RowOrigin) => `${x.file}\u0000${String(x.line).padStart(9, '0')}`;
  return o(a.origin) < o(b.origin) ? -1 : o(a.origin) > o(b.origin) ? 1 : 0;
}
