/**
 * Warnings of what looks like a typing mistake (thresholds in methods.ts). Each names the file and line of the
 * row behind the figure; for a summed figure, the row of the child that contributed most, followed down to a
 * unit's own row. Never fatal. dataWarnings() depends on the current data alone, so the data page may list
 * them; a revision's warning (revisionWarning) depends on the previous publication too and goes into that
 * revision's note and the build's output only.
 */
import { fmtCount, fmtDate, fmtNumber } from '../format/index.ts';
import { isComplete } from '../model/flows.ts';
import { monthOfDate } from '../model/stocks.ts';
import { isActive } from '../model/windows.ts';
import { sortDiagnostics } from '../schema/validate.ts';
import type { Dataset, Diagnostic, Flow, RowOrigin, WindowFigures } from '../types.ts';
import { indicatorLabel, windowPhrase } from './labels.ts';
import {
  MIN_FLAGGED,
  MIN_REPORTING_SHARE,
  REVISION_FACTOR,
  SPIKE_FACTOR,
  SPIKE_HISTORY,
  SPIKE_MIN_HISTORY,
} from './methods.ts';

type FlowName = 'admitted' | 'classes' | 'trainees' | 'dossiers';
const FLOWS: readonly FlowName[] = ['admitted', 'classes', 'trainees', 'dossiers'];
type SpikeName = FlowName | 'target';
const SPIKES: readonly SpikeName[] = [...FLOWS, 'target'];

const FILE_OF: Record<string, string> = {
  admitted: 'admissions.csv',
  target: 'targets.csv',
  classes: 'training.csv',
  trainees: 'training.csv',
  dossiers: 'training.csv',
};

/** indicators.csv names of the flows → the keys of WindowFigures. */
const FLOW_KEY: Record<string, keyof WindowFigures> = {
  admitted: 'admitted',
  youth: 'youth',
  women: 'women',
  ethnic_minority: 'ethnicMinority',
  college: 'college',
  classes: 'classes',
  trainees: 'trainees',
  dossiers: 'dossiers',
};

/** Stock indicators → the field of a snapshot (for the origin of the row behind them). */
const STOCK_FILE = 'members.csv';

const windowsOf = (d: Dataset, id: string, period: string): WindowFigures | undefined => {
  const uf = d.figures[id];
  return uf?.years[period] ?? uf?.terms[period];
};

const figureValue = (f: WindowFigures | undefined, key: SpikeName): number | undefined =>
  key === 'target' ? f?.target?.value : f?.[key]?.value;

const rowIndexes = new WeakMap<Dataset, Map<string, Partial<Record<FlowName, number>>>>();

/** Of a figure's own rows, the one with the largest value (a term summed from years: the year typed wrong). */
function largestRow(d: Dataset, rows: readonly RowOrigin[], key: FlowName): RowOrigin | undefined {
  if (rows.length <= 1) return rows[0];
  // Built once, and only when a warning must name a row among several: most builds never need it.
  let index = rowIndexes.get(d);
  if (!index) {
    index = new Map();
    for (const r of d.inputs.admissions) index.set(`${r.origin.file}\u001f${r.origin.line}`, r);
    for (const r of d.inputs.training) index.set(`${r.origin.file}\u001f${r.origin.line}`, r);
    rowIndexes.set(d, index);
  }
  let best = rows[0];
  let most = -1;
  for (const o of rows) {
    const v = index.get(`${o.file}\u001f${o.line}`)?.[key] ?? -1;
    if (v > most) {
      most = v;
      best = o;
    }
  }
  return best;
}

/** The row behind a figure: its own largest row, or (summed) the row behind its largest child's figure. */
function behind(d: Dataset, id: string, period: string, key: SpikeName, depth = 0): RowOrigin | undefined {
  const f = windowsOf(d, id, period);
  if (!f) return undefined;
  if (key === 'target') {
    if (f.target?.origin) return f.target.origin;
  } else if (f[key]?.basis === 'reported') {
    return largestRow(d, f[key].rows, key);
  }
  let best: string | undefined;
  let most = -1;
  for (const c of d.childrenOf[id] ?? []) {
    const v = figureValue(windowsOf(d, c, period), key);
    if (v !== undefined && v > most) {
      most = v;
      best = c;
    }
  }
  const down = best !== undefined && depth < 16 ? behind(d, best, period, key, depth + 1) : undefined;
  return down ?? (key === 'target' ? undefined : f[key]?.rows[0]);
}

function at(origin: RowOrigin | undefined, file: string): Pick<Diagnostic, 'file' | 'line'> {
  return origin ? { file: origin.file, line: origin.line } : { file };
}

const unitText = (d: Dataset, id: string) => {
  const u = d.unitById[id];
  return u ? `Đơn vị ${u.label} (${id})` : `Đơn vị ${id}`;
};

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Units children first, so a summed figure knows whether a child already carries the warning. */
function childrenFirst(d: Dataset): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const c of d.childrenOf[id] ?? []) visit(c);
    out.push(id);
  };
  for (const r of d.roots) visit(r);
  for (const u of d.indicatorUnitOrder) visit(u);
  return out;
}

const complete = (f: WindowFigures, key: SpikeName): boolean =>
  key === 'target' ? f.target !== undefined : isComplete(f[key]);

/** Windows of one kind of a unit, oldest first. */
const ordered = (table: Record<string, WindowFigures>): WindowFigures[] =>
  Object.values(table).sort((a, b) => a.window.from - b.window.from || a.window.to - b.window.to);

function spikeWarning(d: Dataset, id: string, period: string, key: SpikeName, v: number, last: number[]): Diagnostic {
  const m = median(last);
  const what = indicatorLabel(key).toLocaleLowerCase('vi');
  return {
    severity: 'warning',
    ...at(behind(d, id, period, key), FILE_OF[key]!),
    column: key,
    value: String(v),
    message:
      `${unitText(d, id)}, ${windowPhrase(period, d.terms)}: ${what} (${fmtCount(v)}) gấp ${fmtNumber(v / m, 1)} ` +
      `lần trung vị của ${last.length} kỳ trước đủ số liệu (${fmtNumber(m, 1)}). ` +
      'Có thể nhập thừa một chữ số; hãy kiểm tra lại.',
  };
}

function spikes(d: Dataset, out: Diagnostic[]): void {
  const flagged = new Set<string>();
  const mark = (id: string, period: string, key: string) => `${id}\u001f${period}\u001f${key}`;
  for (const id of childrenFirst(d)) {
    const uf = d.figures[id];
    if (!uf) continue;
    for (const list of [ordered(uf.years), ordered(uf.terms)]) {
      for (const key of SPIKES) {
        const history: number[] = [];
        for (const f of list) {
          const v = figureValue(f, key);
          if (v === undefined) continue;
          const last = history.slice(-SPIKE_HISTORY);
          const m = last.length >= SPIKE_MIN_HISTORY ? median(last) : 0;
          if (complete(f, key)) history.push(v);
          if (!(m > 0 && v >= SPIKE_FACTOR * m && v >= MIN_FLAGGED)) continue;
          const period = f.window.id;
          flagged.add(mark(id, period, key));
          // A sum is flagged only where no child already is: one typo, one warning.
          const basis = key === 'target' ? f.target?.basis : f[key]?.basis;
          const byChild = (d.childrenOf[id] ?? []).some((c) => flagged.has(mark(c, period, key)));
          if (basis === 'reported' || !byChild) out.push(spikeWarning(d, id, period, key, v, last));
        }
      }
    }
  }
}

function aboveMembers(d: Dataset, out: Diagnostic[]): void {
  const flagged = new Set<string>();
  for (const id of childrenFirst(d)) {
    const uf = d.figures[id];
    if (!uf) continue;
    for (const f of ordered(uf.years)) {
      const a = f.admitted;
      const start = f.membersAtStart;
      if (!start || !isComplete(a) || a.value <= start.value) continue;
      const year = f.window.id;
      flagged.add(`${id}\u001f${year}`);
      // A sum over a child already warned of carries the same mistake.
      if (a.basis !== 'reported' && (d.childrenOf[id] ?? []).some((c) => flagged.has(`${c}\u001f${year}`))) continue;
      out.push({
        severity: 'warning',
        ...at(behind(d, id, year, 'admitted'), 'admissions.csv'),
        column: 'admitted',
        value: String(a.value),
        message:
          `${unitText(d, id)}, năm ${year}: số kết nạp cả năm (${fmtCount(a.value)}) lớn hơn số đảng viên ` +
          `đầu năm (${fmtCount(start.value)}, ngày ${fmtDate(start.asOf)}). Hãy kiểm tra lại số kết nạp hoặc số ` +
          'đảng viên trong members.csv.',
      });
    }
  }
}

function fewReported(d: Dataset, out: Diagnostic[]): void {
  const latest = d.latestDataDate ? monthOfDate(d.latestDataDate) : -Infinity;
  for (const id of d.indicatorUnitOrder) {
    const uf = d.figures[id];
    if (!uf) continue;
    for (const f of [...ordered(uf.years), ...ordered(uf.terms)]) {
      const w = f.window;
      if (w.to > latest) continue; // a window still running: reports may still be coming
      for (const key of FLOWS) {
        const x: Flow | undefined = f[key];
        const r = x?.reporting;
        if (!x || !r || r.reported >= MIN_REPORTING_SHARE * r.active) continue;
        const missing = (d.childrenOf[id] ?? []).filter((c) => {
          const u = d.unitById[c];
          return u !== undefined && isActive(u, w.from, w.to) && windowsOf(d, c, w.id)?.[key] === undefined;
        });
        const names = missing.slice(0, 5).map((c) => d.unitById[c]?.label ?? c);
        const more = missing.length > 5 ? ` và ${missing.length - 5} đơn vị khác` : '';
        out.push({
          severity: 'warning',
          ...at(x.rows[0], FILE_OF[key]!),
          column: key,
          value: String(x.value),
          message:
            `${unitText(d, id)}, ${windowPhrase(w.id, d.terms)}: ${indicatorLabel(key).toLocaleLowerCase('vi')} ` +
            `(${fmtCount(x.value)}) tổng hợp chỉ từ ${r.reported}/${r.active} đơn vị trực thuộc có số liệu` +
            `${names.length ? ` (chưa có: ${names.join(', ')}${more})` : ''}. Có thể còn đơn vị chưa gửi báo cáo.`,
        });
      }
    }
  }
}

/** Warnings about the current data: a figure far above its unit's usual, above its members, few reports. */
export function dataWarnings(dataset: Dataset): Diagnostic[] {
  const out: Diagnostic[] = [];
  spikes(dataset, out);
  aboveMembers(dataset, out);
  fewReported(dataset, out);
  return sortDiagnostics(out);
}

/** The note of a revision that moved by REVISION_FACTOR or more ("tăng 10 lần: có thể nhập sai"), if any. */
export function revisionNote(oldValue: string, newValue: string): string | undefined {
  const a = Number(oldValue);
  const b = Number(newValue);
  if (oldValue === '' || newValue === '' || !(a > 0) || !(b > 0) || Math.max(a, b) < MIN_FLAGGED) return undefined;
  const up = b >= a;
  const factor = up ? b / a : a / b;
  if (factor < REVISION_FACTOR) return undefined;
  return `${up ? 'tăng' : 'giảm'} ${fmtNumber(factor, 1)} lần: có thể nhập sai`;
}

/** Where a published figure comes from: its row (or the row behind a summed one), else its file. */
export function figureOrigin(
  d: Dataset,
  id: string,
  period: string,
  indicator: string,
): Pick<Diagnostic, 'file' | 'line'> {
  if (indicator === 'target') return at(behind(d, id, period, 'target'), 'targets.csv');
  const key = FLOW_KEY[indicator];
  if (key) {
    const flowName = (FLOWS as readonly string[]).includes(indicator) ? (indicator as FlowName) : 'admitted';
    const own = windowsOf(d, id, period)?.[key] as Flow | undefined;
    if (own?.basis === 'reported') return at(largestRow(d, own.rows, flowName), FILE_OF[flowName]!);
    return at(behind(d, id, period, flowName) ?? own?.rows[0], FILE_OF[flowName]!);
  }
  return at(windowsOf(d, id, period)?.stock?.origin, STOCK_FILE);
}
