/**
 * Warnings of what looks like a typing mistake (thresholds in methods.ts). Each names the file and line of the
 * row behind the figure; for a summed figure, the row of the child that contributed most, followed down to a
 * unit's own row. Never fatal. dataWarnings() depends on the current data alone, so the data page may list
 * them; a revision's warning (revisionNote) depends on the previous publication too and goes into that
 * revision's note and the build's output only.
 */
import { fmtCount, fmtDate, fmtNumber } from '../format/index.ts';
import { isComplete } from '../model/flows.ts';
import { monthOfDate } from '../model/stocks.ts';
import { sortDiagnostics } from '../schema/validate.ts';
import type { Dataset, Diagnostic, Flow, WindowFigures } from '../types.ts';
import { indicatorLabel, lowerFirst, windowPhrase } from './labels.ts';
import {
  behind,
  type Candidates,
  FILE_OF,
  FLOWS,
  type FlowName,
  figuresAt,
  figureValue,
  flowAt,
  resolve,
} from './locate.ts';
import {
  MIN_FLAGGED,
  MIN_REPORTING_SHARE,
  REVISION_FACTOR,
  SPIKE_FACTOR,
  SPIKE_HISTORY,
  SPIKE_MIN_HISTORY,
} from './methods.ts';

type SpikeName = FlowName | 'target';
const SPIKES: readonly SpikeName[] = [...FLOWS, 'target'];

/** A warning whose file:line is still to be resolved (see locate.ts). */
interface Pending {
  where: Candidates;
  diagnostic: Omit<Diagnostic, 'file' | 'line'>;
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
  key === 'target' ? f.target !== undefined : isComplete(flowAt(f, key));

/** Windows of one kind of a unit, oldest first (the model keeps them so; sorted only if not). */
function chronological(table: Record<string, WindowFigures>): WindowFigures[] {
  const list = Object.values(table);
  for (let i = 1; i < list.length; i++) {
    if (list[i - 1]!.window.from > list[i]!.window.from) {
      return list.sort((a, b) => a.window.from - b.window.from || a.window.to - b.window.to);
    }
  }
  return list;
}

const mark = (id: string, period: string, key: string) => `${id}\u001f${period}\u001f${key}`;

/** A sum is warned of only where no child already is: one typo, one warning. */
const childWarned = (d: Dataset, id: string, period: string, key: string, warned: ReadonlySet<string>) =>
  (d.childrenOf[id] ?? []).some((c) => warned.has(mark(c, period, key)));

function spikes(d: Dataset, id: string, list: readonly WindowFigures[], warned: Set<string>, out: Pending[]): void {
  for (const key of SPIKES) {
    const history: number[] = [];
    for (const f of list) {
      const v = figureValue(f, key);
      if (v === undefined) continue;
      const n = history.length;
      if (complete(f, key)) history.push(v);
      if (n < SPIKE_MIN_HISTORY || v < MIN_FLAGGED) continue;
      // The median is at least the least of the periods: below that many times it, no median is needed.
      let least = Infinity;
      for (let i = Math.max(0, n - SPIKE_HISTORY); i < n; i++) least = Math.min(least, history[i]!);
      if (v < SPIKE_FACTOR * least) continue;
      const last = history.slice(Math.max(0, n - SPIKE_HISTORY), n);
      const m = median(last);
      if (!(m > 0 && v >= SPIKE_FACTOR * m)) continue;
      const period = f.window.id;
      warned.add(mark(id, period, key));
      const basis = key === 'target' ? f.target?.basis : f[key]?.basis;
      if (basis !== 'reported' && childWarned(d, id, period, key, warned)) continue;
      const what = lowerFirst(indicatorLabel(key));
      out.push({
        where: { rows: behind(d, id, period, key), key, file: FILE_OF[key] },
        diagnostic: {
          severity: 'warning',
          column: key,
          value: String(v),
          message:
            `${unitText(d, id)}, ${windowPhrase(period, d.terms)}: ${what} (${fmtCount(v)}) gấp ` +
            `${fmtNumber(v / m, 1)} lần trung vị của ${last.length} kỳ trước đủ số liệu (${fmtNumber(m, 1)}). ` +
            'Có thể nhập thừa một chữ số; hãy kiểm tra lại.',
        },
      });
    }
  }
}

function aboveMembers(d: Dataset, id: string, years: readonly WindowFigures[], warned: Set<string>, out: Pending[]) {
  for (const f of years) {
    const a = f.admitted;
    const start = f.membersAtStart;
    if (!start || !isComplete(a) || a.value <= start.value) continue;
    const year = f.window.id;
    warned.add(mark(id, year, 'members'));
    if (a.basis !== 'reported' && childWarned(d, id, year, 'members', warned)) continue;
    out.push({
      where: { rows: behind(d, id, year, 'admitted'), key: 'admitted', file: FILE_OF.admitted },
      diagnostic: {
        severity: 'warning',
        column: 'admitted',
        value: String(a.value),
        message:
          `${unitText(d, id)}, năm ${year}: số kết nạp cả năm (${fmtCount(a.value)}) lớn hơn số đảng viên ` +
          `đầu năm (${fmtCount(start.value)}, ngày ${fmtDate(start.asOf)}). Hãy kiểm tra lại số kết nạp hoặc số ` +
          'đảng viên trong members.csv.',
      },
    });
  }
}

function fewReported(d: Dataset, id: string, list: readonly WindowFigures[], latest: number, out: Pending[]): void {
  for (const f of list) {
    const w = f.window;
    if (w.to > latest) continue; // a window still running: reports may still be coming
    for (const key of FLOWS) {
      const x: Flow | undefined = flowAt(f, key);
      const r = x?.reporting;
      if (!x || !r || r.reported >= MIN_REPORTING_SHARE * r.active) continue;
      // Children under the unit in some month of the window (a moved unit only where it was under it).
      const missing = d
        .activeChildren(id, w)
        .map((c) => c.unitId)
        .filter((c) => figuresAt(d, c, w.id)?.[key] === undefined);
      const names = missing.slice(0, 5).map((c) => d.unitById[c]?.label ?? c);
      const more = missing.length > 5 ? ` và ${missing.length - 5} đơn vị khác` : '';
      out.push({
        where: { rows: x.rows.slice(0, 1), key, file: FILE_OF[key] },
        diagnostic: {
          severity: 'warning',
          column: key,
          value: String(x.value),
          message:
            `${unitText(d, id)}, ${windowPhrase(w.id, d.terms)}: ${lowerFirst(indicatorLabel(key))} ` +
            `(${fmtCount(x.value)}) tổng hợp chỉ từ ${r.reported}/${r.active} đơn vị trực thuộc có số liệu` +
            `${names.length ? ` (chưa có: ${names.join(', ')}${more})` : ''}. Có thể còn đơn vị chưa gửi báo cáo.`,
        },
      });
    }
  }
}

/**
 * Warnings about the current data: a figure far above its unit's usual, a year admitting more than the members
 * at its start, a sum few children reported to. Units children first, so a sum knows whether a child was warned.
 */
export function dataWarnings(d: Dataset): Diagnostic[] {
  const pending: Pending[] = [];
  const warned = new Set<string>();
  const latest = d.latestDataDate ? monthOfDate(d.latestDataDate) : -Infinity;
  for (const id of childrenFirst(d)) {
    const uf = d.figures[id];
    if (!uf) continue;
    const years = chronological(uf.years);
    const terms = chronological(uf.terms);
    spikes(d, id, years, warned, pending);
    spikes(d, id, terms, warned, pending);
    aboveMembers(d, id, years, warned, pending);
    fewReported(d, id, years, latest, pending);
    fewReported(d, id, terms, latest, pending);
  }
  const places = resolve(
    d,
    pending.map((p) => p.where),
  );
  return sortDiagnostics(pending.map((p, i) => ({ ...p.diagnostic, ...places[i]! }) as Diagnostic));
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
