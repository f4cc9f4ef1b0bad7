/**
 * The compare island: vanilla TS, bundled by Astro into an external module (works under a CSP without inline
 * scripts). Data from /so-sanh/du-lieu.json. The choice lives in the URL query: ?chi-so=…&ky=…&don-vi=id,id
 */
import { compareResult, type CompareData, type CompareSelection } from '../../lib/site/compare-view.ts';
import { tableHtml } from '../../lib/view/table-html.ts';
import { toCsv } from '../../lib/publish/csv.ts';

function readQuery(data: CompareData): CompareSelection {
  const q = new URLSearchParams(window.location.search);
  const raw = q.get('don-vi');
  const byId = new Map(data.units.map((u, i) => [u.id, i]));
  const indicator = data.indicators.some((i) => i.id === q.get('chi-so')) ? q.get('chi-so')! : data.defaults.indicator;
  const period = data.periods.some((p) => p.id === q.get('ky')) ? q.get('ky')! : data.defaults.period;
  if (raw === null) return { indicator, period, units: data.defaults.units };
  if (raw === ALL) return { indicator, period, units: [] };
  const units = raw
    .split(',')
    .map((id) => byId.get(id))
    .filter((i): i is number => i !== undefined);
  return { indicator, period, units: units.length ? units : data.defaults.units };
}

/** `don-vi` absent: the default units; `tat-ca`: all; else unit ids separated by commas. */
const ALL = 'tat-ca';

function writeQuery(data: CompareData, sel: CompareSelection): void {
  const enc = encodeURIComponent;
  const parts = [`chi-so=${enc(sel.indicator)}`, `ky=${enc(sel.period)}`];
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (sel.units.length === 0) {
    if (data.defaults.units.length) parts.push(`don-vi=${ALL}`);
  } else if (!same(sel.units, data.defaults.units)) {
    parts.push(`don-vi=${sel.units.map((i) => enc(data.units[i]!.id)).join(',')}`);
  }
  history.replaceState(null, '', `${window.location.pathname}?${parts.join('&')}`);
}

export async function initCompare(): Promise<void> {
  const form = document.getElementById('chon') as HTMLFormElement | null;
  if (!form) return;
  let data: CompareData;
  try {
    const r = await fetch(form.dataset.src!);
    if (!r.ok) return;
    data = (await r.json()) as CompareData;
  } catch {
    return;
  }
  const indSel = form.querySelector<HTMLSelectElement>('#chon-chi-so')!;
  const perSel = form.querySelector<HTMLSelectElement>('#chon-ky')!;
  const box = form.querySelector<HTMLElement>('[data-units]')!;
  const title = document.querySelector<HTMLElement>('[data-title]')!;
  const reported = document.querySelector<HTMLElement>('[data-reported]')!;
  const chart = document.querySelector<HTMLElement>('[data-chart]')!;
  const table = document.querySelector<HTMLElement>('[data-table]')!;
  const csv = document.querySelector<HTMLAnchorElement>('[data-csv]')!;

  const sel = readQuery(data);
  /** The units ticked, across periods: a unit of another period keeps its tick for when it is offered again. */
  const ticked = new Set(sel.units.length ? sel.units : data.units.map((_, i) => i));
  let checks: HTMLInputElement[] = [];
  /** Offers only the units of the chosen period (an ended district is not in 2026, a new commune not in 2024). */
  const fillUnits = () => {
    const on = [...new Set((data.groups[perSel.value] ?? []).flatMap((g) => g.units))].sort((a, b) => a - b);
    const labels = on.map((i) => {
      const u = data.units[i]!;
      const label = document.createElement('label');
      const cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.value = String(i);
      cb.checked = ticked.has(i);
      cb.dataset.parent = u.parent;
      label.append(cb, ` ${u.label}`);
      if (u.parent) label.title = `thuộc ${u.parent}`;
      return { label, cb };
    });
    checks = labels.map((l) => l.cb);
    box.replaceChildren(...labels.map((l) => l.label));
  };
  const remember = () => {
    for (const c of checks) {
      if (c.checked) ticked.add(Number(c.value));
      else ticked.delete(Number(c.value));
    }
  };

  /** Only the periods that have data for the chosen indicator. */
  const fillPeriods = () => {
    const have = data.values[indSel.value] ?? {};
    const keep = perSel.value;
    perSel.replaceChildren(
      ...data.periods
        .filter((p) => have[p.id])
        .map((p) => {
          const o = document.createElement('option');
          o.value = p.id;
          o.textContent = p.label;
          return o;
        }),
    );
    if ([...perSel.options].some((o) => o.value === keep)) perSel.value = keep;
  };

  let csvUrl: string | undefined;
  const render = () => {
    const chosen = checks.filter((c) => c.checked).map((c) => Number(c.value));
    const s: CompareSelection = {
      indicator: indSel.value,
      period: perSel.value,
      units: chosen.length === checks.length ? [] : chosen,
    };
    if (chosen.length === 0) {
      title.textContent = 'Chưa chọn đơn vị nào';
      reported.textContent = 'Hãy chọn ít nhất một đơn vị.';
      chart.replaceChildren();
      table.replaceChildren();
      writeQuery(data, { ...s, units: [] });
      return;
    }
    const r = compareResult(data, s);
    title.textContent = r.title;
    const order = 'Xếp từ cao xuống thấp; dấu * và thanh gạch chéo: số liệu chưa đủ kỳ.';
    reported.textContent = `${r.reported} ${order} ${r.capped}`;
    chart.innerHTML = r.svg;
    table.innerHTML = tableHtml(r.table, 'bang-so-sanh');
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = URL.createObjectURL(new Blob([toCsv(r.csv.columns, r.csv.rows)], { type: 'text/csv;charset=utf-8' }));
    csv.href = csvUrl;
    csv.download = `so-sanh-${s.indicator}-${s.period}.csv`;
    writeQuery(data, s);
  };

  indSel.value = sel.indicator;
  fillPeriods();
  perSel.value = sel.period;
  if (perSel.value !== sel.period) fillPeriods();
  fillUnits();
  indSel.addEventListener('change', () => {
    const was = perSel.value;
    fillPeriods();
    if (perSel.value !== was) fillUnits();
    render();
  });
  perSel.addEventListener('change', () => {
    fillUnits();
    render();
  });
  box.addEventListener('change', () => {
    remember();
    render();
  });
  form.querySelector('[data-all]')!.addEventListener('click', () => {
    for (const c of checks) c.checked = true;
    remember();
    render();
  });
  form.querySelector('[data-none]')!.addEventListener('click', () => {
    for (const c of checks) c.checked = false;
    remember();
    render();
  });
  const group = form.querySelector<HTMLSelectElement>('[data-group]');
  group?.addEventListener('change', () => {
    if (!group.value) return;
    for (const c of checks) c.checked = c.dataset.parent === group.value;
    remember();
    group.value = '';
    render();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  render();
}
