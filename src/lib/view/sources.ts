/**
 * The sources behind a unit's figures, for its page's source list and the source line of its chart images:
 * every data row of the unit and every row its figures were computed from (its children's, when summed).
 */
import { fmtDate, fmtRange } from '../format/index.ts';
import { rowAt, rowsOfUnit, type FoundRow, type InputRow, type RowKind } from '../model/origins.ts';
import { FLOW_KEYS } from '../model/flows.ts';
import type { Dataset, RowOrigin, Unit, WindowFigures } from '../types.ts';
import type { SourceItem } from './shapes.ts';

interface RowInfo {
  source?: string;
  /** What the row is: `kết nạp`, `chỉ tiêu`, `bồi dưỡng`, `đảng viên`. */
  kind: string;
  /** Its period in words (`2019`, `01/2020–07/2020`, `nhiệm kỳ 2015–2020`, `04/01/2017`) and a sort key. */
  period: { text: string; key: string };
}

function periodWords(text: string): string {
  if (/^\d{4}$/.test(text)) return text;
  const r = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/.exec(text);
  if (r) return `${r[2]}/${r[1]}–${r[4]}/${r[3]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return `${m[2]}/${m[1]}`;
  return `nhiệm kỳ ${fmtRange(text)}`;
}

const periodOf = (p: { text: string; from: number; to: number }): RowInfo['period'] => ({
  text: periodWords(p.text),
  key: `${String(p.from).padStart(6, '0')}-${String(p.to).padStart(6, '0')}`,
});

const KIND_WORD: Record<RowKind, string> = {
  admissions: 'kết nạp',
  targets: 'chỉ tiêu',
  training: 'bồi dưỡng',
  members: 'đảng viên',
};

/** What a data row is, in words, for the source lists. */
function rowInfo(found: FoundRow): RowInfo {
  const { row } = found;
  return {
    source: row.source,
    kind: KIND_WORD[found.kind],
    period:
      found.kind === 'members' ? { text: fmtDate(found.row.asOf), key: found.row.asOf } : periodOf(found.row.period),
  };
}

function collectOrigins(w: WindowFigures, add: (o: RowOrigin) => void) {
  for (const k of FLOW_KEYS) {
    const f = w[k];
    if (f) for (const o of f.rows) add(o);
  }
  if (w.target?.origin) add(w.target.origin);
  if (w.stock?.origin) add(w.stock.origin);
}

export function unitSources(ds: Dataset, unit: Unit): SourceItem[] {
  const own = new Set<InputRow>(rowsOfUnit(ds.inputs, unit.id));
  const used = new Map<InputRow, FoundRow>();
  for (const row of own) {
    const found = rowAt(ds.inputs, row.origin);
    if (found) used.set(row, found);
  }
  const fig = ds.figures[unit.id];
  if (fig) {
    const add = (o: RowOrigin) => {
      const found = rowAt(ds.inputs, o);
      if (found && !used.has(found.row)) used.set(found.row, found);
    };
    for (const w of Object.values(fig.years)) collectOrigins(w, add);
    for (const w of Object.values(fig.terms)) collectOrigins(w, add);
    for (const s of fig.snapshots) if (s.origin) add(s.origin);
  }
  const bySource = new Map<string, { own: Map<string, { text: string; key: string }[]>; viaChildren: number }>();
  for (const [row, found] of used) {
    const info = rowInfo(found);
    const text = info.source ?? 'Không ghi nguồn';
    let e = bySource.get(text);
    if (!e) bySource.set(text, (e = { own: new Map(), viaChildren: 0 }));
    if (own.has(row)) {
      const list = e.own.get(info.kind) ?? [];
      list.push(info.period);
      e.own.set(info.kind, list);
    } else e.viaChildren++;
  }
  return [...bySource]
    .map(([text, e]) => ({
      text,
      uses: [
        ...[...e.own].map(([kind, periods]) => {
          const sorted = [...periods].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
          const uniq = sorted.filter((p, i) => i === 0 || p.key !== sorted[i - 1]!.key);
          return uniq.length <= 4
            ? `${kind} ${uniq.map((p) => p.text).join(', ')}`
            : `${kind}: ${uniq.length} kỳ, từ ${uniq[0]!.text} đến ${uniq[uniq.length - 1]!.text}`;
        }),
        e.viaChildren ? 'số liệu của đơn vị trực thuộc' : '',
      ]
        .filter(Boolean)
        .join('; '),
    }))
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}
