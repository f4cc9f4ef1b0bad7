/**
 * The view model of a unit page (/don-vi/<slug>/): cards, charts with their tables and CSV, the term table,
 * the children compared, the sources. Reads only the unit's own figures and its children's (never all units).
 */
import { datedLineChart, linesChart, paceMeter, periodBarsChart, sparkline, unitBarsChart } from '../charts/index.ts';
import {
  DASH,
  fmtCount,
  fmtDate,
  fmtNumber,
  fmtPct,
  fmtSignedCount,
  fmtSignedPct,
  partialOf,
} from '../format/index.ts';
import { unitSummaries, type PageSummary } from '../press/summaries.ts';
import { rowAt, rowsOfUnit, type FoundRow, type InputRow } from '../model/origins.ts';
import type { Dataset, Flow, RowOrigin, Snapshot, Unit, WindowFigures } from '../types.ts';
import { countCell, flowCell, hasSum, pctCell, ratioCell, signedCell, SUM_NOTE, sumNote, textCell } from './cells.ts';
import { href, termPath, unitPath } from './href.ts';
import { KIND_LABEL, LEVEL_LABEL, LEVEL_PLURAL, NO_DATA, PACE_LABEL } from './labels.ts';
import { admittedYears, breadcrumbs, range, rowInfo, siteIndex } from './site.ts';
import type { Card, Cell, ChartView, Crumb, CsvData, SourceItem, Table } from './view.ts';

export interface PaceView {
  title: string;
  sentence: string;
  status?: 'ahead' | 'behind';
  svg: string;
}

export interface ChildrenView {
  title: string;
  reported: string;
  view: ChartView;
}

export interface UnitPage {
  unit: Unit;
  /** The prose summaries (src/lib/summary) of the cards' year and of the latest term. */
  summaries: PageSummary[];
  levelLabel: string;
  kindLabel?: string;
  parent?: { label: string; href: string };
  crumbs: Crumb[];
  description: string;
  /** The year of the cards (latest with an admitted figure). */
  year?: number;
  cards: Card[];
  admissions?: ChartView;
  pace?: PaceView;
  composition?: ChartView;
  members?: ChartView;
  training?: ChartView;
  villages?: ChartView;
  terms?: ChartView;
  children?: ChildrenView;
  sources: SourceItem[];
  downloadHref: string;
  downloadName: string;
  note?: string;
}

/** The chart keys a unit page may have: also the CSV file names under /don-vi/<slug>/. */
export const UNIT_CHART_KEYS = ['ket-nap-theo-nam', 'co-cau', 'dang-vien', 'boi-duong', 'thon-ban', 'nhiem-ky', 'don-vi-truc-thuoc'] as const;

const csvHref = (unit: Unit, key: string) => href(`${unitPath(unit.slug)}${key}.csv`);

/** Light pages for the lowest levels: tables instead of most charts (there are thousands of them). */
const isLight = (u: Unit) => u.level === 'grassroots' || u.level === 'branch';

const flowCsv = (f: Flow | undefined): (number | string | undefined)[] =>
  f ? [f.value, f.months, f.ofMonths, f.basis] : [undefined, undefined, undefined, undefined];

function flowTip(label: string, f: Flow | undefined): string {
  if (!f) return `${label}: ${NO_DATA}`;
  const p = partialOf(f);
  const s = sumNote(f);
  return `${label}: ${fmtCount(f.value)}${p ? ` (${p})` : ''}${s ? ` — ${s.toLocaleLowerCase('vi')}` : ''}`;
}

/* ---------------- Cards ---------------- */

export function unitCards(ds: Dataset, unit: Unit, year: number | undefined, prefix = 'the'): Card[] {
  const fig = ds.figures[unit.id];
  const w = year === undefined ? undefined : fig?.years[String(year)];
  const years = admittedYears(ds, unit.id);
  const cards: Card[] = [];

  // Admitted, change, sparkline.
  const a = w?.admitted;
  const prev = year === undefined ? undefined : fig?.years[String(year - 1)]?.admitted;
  const lines: string[] = [];
  if (a && w) {
    if (w.admittedChange === 0) {
      lines.push(`Bằng năm ${year! - 1} (${fmtCount(prev?.value)})`);
    } else if (w.admittedChange !== undefined) {
      lines.push(`${w.admittedChange > 0 ? 'Tăng' : 'Giảm'} ${fmtCount(Math.abs(w.admittedChange))} (${fmtSignedPct(w.admittedChangePct)}) so với năm ${year! - 1} (${fmtCount(prev?.value)})`);
    } else if (prev) {
      lines.push(`Năm ${year! - 1}: ${fmtCount(prev.value)}${partialOf(prev) ? ` (${partialOf(prev)})` : ''} — không so sánh vì có năm chưa đủ tháng`);
    } else {
      lines.push(`Chưa có số năm ${year! - 1} để so sánh`);
    }
    const s = sumNote(a);
    if (s) lines.push(s);
  } else lines.push(NO_DATA);
  const first = years[0];
  const sparkYears = first !== undefined && year !== undefined ? range(Math.max(first, year - 9), year) : [];
  const sparkValues = sparkYears.map((y) => fig?.years[String(y)]?.admitted?.value);
  cards.push({
    key: `${prefix}-admitted`,
    label: year === undefined ? 'Kết nạp đảng viên' : `Kết nạp năm ${year}`,
    value: fmtCount(a?.value),
    flag: partialOf(a),
    lines,
    graphic: sparkYears.length >= 2 ? sparkline(sparkValues, `Kết nạp ${sparkYears[0]}–${year}: ${sparkValues.map((v) => fmtCount(v)).join(', ')}`) : undefined,
  });

  // Target achievement against pace.
  const tLines: string[] = [];
  let graphic: string | undefined;
  if (w?.target && w.targetAchievedPct !== undefined) {
    tLines.push(`${fmtCount(a?.value)} trên chỉ tiêu ${fmtCount(w.target.value)}${w.target.basis === 'summed' ? ' (tổng chỉ tiêu các đơn vị trực thuộc)' : ''}`);
    if (w.expectedPacePct !== undefined) {
      tLines.push(`Tiến độ cần đạt sau ${a ? `${a.months}/${a.ofMonths} tháng` : ''}: ${fmtPct(w.expectedPacePct)}${w.paceStatus ? ` — ${PACE_LABEL[w.paceStatus]}` : ''}`);
    } else if (w.targetAchievedPct >= 100) tLines.push('Đã hoàn thành chỉ tiêu năm');
    else tLines.push('Chưa hoàn thành chỉ tiêu năm');
    graphic = paceMeter({
      id: `${prefix}-pace-mini`,
      title: `Đạt ${fmtPct(w.targetAchievedPct)} chỉ tiêu`,
      description: w.expectedPacePct !== undefined ? `Tiến độ cần đạt ${fmtPct(w.expectedPacePct)}` : 'Vạch đứng là 100 % chỉ tiêu',
      achievedPct: w.targetAchievedPct,
      pacePct: w.expectedPacePct,
    });
  } else if (w?.target) {
    tLines.push(`Chỉ tiêu ${fmtCount(w.target.value)}; ${NO_DATA} về số kết nạp`);
  } else tLines.push(year === undefined ? NO_DATA : `Chưa có chỉ tiêu năm ${year}`);
  cards.push({
    key: `${prefix}-target`,
    label: year === undefined ? 'Đạt chỉ tiêu' : `Đạt chỉ tiêu năm ${year}`,
    value: fmtPct(w?.targetAchievedPct),
    flag: w?.targetAchievedPct !== undefined ? partialOf(a) : undefined,
    lines: tLines,
    status: w?.paceStatus,
    graphic,
  });

  // Admission rate.
  cards.push({
    key: `${prefix}-rate`,
    label: year === undefined ? 'Tỷ lệ kết nạp' : `Tỷ lệ kết nạp năm ${year}`,
    value: fmtPct(w?.admissionRatePct),
    flag: w?.admissionRatePct !== undefined ? partialOf(a) : undefined,
    lines: w?.membersAtStart
      ? [`So với ${fmtCount(w.membersAtStart.value)} đảng viên đầu năm (${fmtDate(w.membersAtStart.asOf)})`]
      : ['Chưa có số đảng viên đầu năm để tính'],
  });

  // Members at the latest snapshot.
  const snaps = fig?.snapshots ?? [];
  let last: Snapshot | undefined;
  for (let i = snaps.length - 1; i >= 0; i--) {
    if (snaps[i]!.members !== undefined) {
      last = snaps[i];
      break;
    }
  }
  const mLines: string[] = [];
  if (last) {
    mLines.push(`Tại ngày ${fmtDate(last.asOf)}`);
    if (last.probationary !== undefined) mLines.push(`Trong đó ${fmtCount(last.probationary)} đảng viên dự bị`);
    const s = sumNote(last);
    if (s) mLines.push(s);
  } else mLines.push(NO_DATA);
  cards.push({ key: `${prefix}-members`, label: 'Đảng viên', value: fmtCount(last?.members), lines: mLines });
  return cards;
}

/* ---------------- Admissions by year ---------------- */

function admissionsView(ds: Dataset, unit: Unit, light: boolean): ChartView | undefined {
  const fig = ds.figures[unit.id];
  if (!fig) return undefined;
  const ys = Object.entries(fig.years)
    .filter(([, w]) => w.admitted || w.target)
    .map(([k]) => Number(k));
  if (ys.length === 0) return undefined;
  const years = range(Math.min(...ys), Math.max(...ys));
  const rows: Cell[][] = [];
  const csv: CsvData = {
    columns: ['Năm', 'Kết nạp', 'Số tháng có số liệu', 'Số tháng của kỳ', 'Cách tính', 'Chỉ tiêu', 'Đạt chỉ tiêu (%)', 'Tiến độ cần đạt (%)', 'Tăng, giảm so với năm trước'],
    rows: [],
  };
  for (const y of years) {
    const w = fig.years[String(y)];
    rows.push([
      textCell(String(y), { header: true }),
      flowCell(w?.admitted),
      countCell(w?.target?.value),
      { ...pctCell(w?.targetAchievedPct), flag: w?.targetAchievedPct !== undefined ? partialOf(w.admitted) : undefined, status: w?.paceStatus },
      signedCell(w?.admittedChange),
    ]);
    csv.rows.push([y, ...flowCsv(w?.admitted), w?.target?.value, w?.targetAchievedPct, w?.expectedPacePct, w?.admittedChange]);
  }
  const table: Table = {
    caption: `Kết nạp đảng viên theo năm — ${unit.label}`,
    head: ['Năm', 'Kết nạp', 'Chỉ tiêu', 'Đạt chỉ tiêu', 'Tăng, giảm'],
    numeric: [false, true, true, true, true],
    rows,
    note: hasSum(rows) ? SUM_NOTE : undefined,
  };
  const partial = years.filter((y) => partialOf(fig.years[String(y)]?.admitted));
  const id = 'bd-ket-nap';
  const withAdmitted = years.filter((y) => fig.years[String(y)]?.admitted);
  const desc = `Biểu đồ thanh số đảng viên kết nạp mỗi năm từ ${years[0]} đến ${years[years.length - 1]}: ${years
    .map((y) => {
      const w = fig.years[String(y)];
      return `${y}: ${w?.admitted ? fmtCount(w.admitted.value) + (partialOf(w.admitted) ? ` (${partialOf(w.admitted)})` : '') : 'chưa có số liệu'}${w?.target ? `, chỉ tiêu ${fmtCount(w.target.value)}` : ''}`;
    })
    .join('; ')}.`;
  return {
    key: 'ket-nap-theo-nam',
    id,
    title: 'Kết nạp đảng viên theo năm',
    subtitle: `${unit.label}, ${years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : `năm ${years[0]}`}: số đảng viên kết nạp mỗi năm${years.some((y) => fig.years[String(y)]?.target) ? '; vạch cam đỏ là chỉ tiêu' : ''}`,
    caption: partial.length
      ? `${withAdmitted.length >= 2 ? 'Thanh gạch chéo: năm' : 'Năm'} chưa đủ 12 tháng số liệu (${partial.map((y) => `${y}: ${partialOf(fig.years[String(y)]?.admitted)}`).join('; ')}), không so được với năm đủ tháng.`
      : undefined,
    svg:
      withAdmitted.length >= 2
        ? () =>
            periodBarsChart({
              id,
              title: `Kết nạp đảng viên theo năm — ${unit.label}`,
              description: desc,
              yLabel: 'Đảng viên kết nạp',
              rows: years.map((y) => {
                const w = fig.years[String(y)];
                return {
                  x: String(y),
                  value: w?.admitted?.value,
                  partial: partialOf(w?.admitted),
                  target: w?.target?.value,
                  tip: `${flowTip(`Kết nạp ${y}`, w?.admitted)}${w?.target ? `; chỉ tiêu ${fmtCount(w.target.value)}` : ''}`,
                };
              }),
            })
        : undefined,
    legend: [
      { label: 'Năm đủ 12 tháng', swatch: '#0072B2' },
      ...(partial.length ? [{ label: 'Năm chưa đủ tháng', swatch: 'hatch' }] : []),
      ...(years.some((y) => fig.years[String(y)]?.target) ? [{ label: 'Chỉ tiêu', swatch: 'target' }] : []),
    ],
    table,
    csv,
    csvHref: csvHref(unit, 'ket-nap-theo-nam'),
    csvName: `${unit.slug}-ket-nap-theo-nam.csv`,
  };
}

/* ---------------- Pace of the current year ---------------- */

function paceView(ds: Dataset, unit: Unit, year: number | undefined): PaceView | undefined {
  if (year === undefined) return undefined;
  const w = ds.figures[unit.id]?.years[String(year)];
  if (!w?.target || w.targetAchievedPct === undefined || !w.admitted) return undefined;
  const p = partialOf(w.admitted);
  const sentence =
    w.expectedPacePct !== undefined
      ? `Sau ${p} của năm ${year}, ${unit.label} kết nạp ${fmtCount(w.admitted.value)} trên chỉ tiêu ${fmtCount(w.target.value)}, đạt ${fmtPct(w.targetAchievedPct)}, trong khi tiến độ thời gian là ${fmtPct(w.expectedPacePct)}: ${w.paceStatus ? PACE_LABEL[w.paceStatus] : ''}.`
      : `Năm ${year}, ${unit.label} kết nạp ${fmtCount(w.admitted.value)} trên chỉ tiêu ${fmtCount(w.target.value)}, đạt ${fmtPct(w.targetAchievedPct)}${w.targetAchievedPct >= 100 ? ', hoàn thành chỉ tiêu' : ', chưa hoàn thành chỉ tiêu'}.`;
  return {
    title: `Tiến độ thực hiện chỉ tiêu năm ${year}`,
    sentence,
    status: w.paceStatus,
    svg: paceMeter({
      id: 'pace',
      title: `Đạt ${fmtPct(w.targetAchievedPct)} chỉ tiêu năm ${year}`,
      description: sentence,
      achievedPct: w.targetAchievedPct,
      pacePct: w.expectedPacePct,
    }),
  };
}

/* ---------------- Composition of the admitted ---------------- */

const SHARES = [
  { key: 'youthPct', count: 'youth', label: 'Trẻ (18–30 tuổi)' },
  { key: 'womenPct', count: 'women', label: 'Nữ' },
  { key: 'ethnicMinorityPct', count: 'ethnicMinority', label: 'Dân tộc thiểu số' },
  { key: 'collegePct', count: 'college', label: 'Cao đẳng trở lên' },
] as const;

function compositionView(ds: Dataset, unit: Unit, light: boolean): ChartView | undefined {
  const fig = ds.figures[unit.id];
  if (!fig) return undefined;
  const years = Object.entries(fig.years)
    .filter(([, w]) => w.admitted && SHARES.some((s) => w[s.key] !== undefined))
    .map(([k]) => Number(k))
    .sort((a, b) => a - b);
  if (years.length === 0) return undefined;
  const rows: Cell[][] = [];
  const csv: CsvData = {
    columns: ['Năm', 'Kết nạp', 'Số tháng có số liệu', ...SHARES.flatMap((s) => [`${s.label} (người)`, `${s.label} (%)`])],
    rows: [],
  };
  for (const y of years) {
    const w = fig.years[String(y)]!;
    rows.push([
      textCell(String(y), { header: true }),
      flowCell(w.admitted),
      ...SHARES.map((s) => {
        const c = w[s.count];
        return { text: fmtPct(w[s.key]), title: c ? `${fmtCount(c.value)} người` : undefined };
      }),
    ]);
    csv.rows.push([y, w.admitted?.value, w.admitted?.months, ...SHARES.flatMap((s) => [w[s.count]?.value, w[s.key]])]);
  }
  const present = SHARES.filter((s) => years.some((y) => fig.years[String(y)]![s.key] !== undefined));
  const xDomain = range(years[0]!, years[years.length - 1]!).map(String);
  const id = 'bd-co-cau';
  const points = years.flatMap((y) =>
    present
      .filter((s) => fig.years[String(y)]![s.key] !== undefined)
      .map((s) => ({ x: String(y), series: s.label, value: fig.years[String(y)]![s.key]!, tip: `${s.label} ${y}: ${fmtPct(fig.years[String(y)]![s.key])}` })),
  );
  const desc = `Tỷ lệ trong số đảng viên mới kết nạp theo năm. ${years
    .map((y) => `${y}: ${present.map((s) => `${s.label.toLocaleLowerCase('vi')} ${fmtPct(fig.years[String(y)]![s.key])}`).join(', ')}`)
    .join('; ')}.`;
  return {
    key: 'co-cau',
    id,
    title: 'Cơ cấu đảng viên mới kết nạp',
    subtitle: `Tỷ lệ trên số kết nạp mỗi năm — ${unit.label}`,
    caption: 'Tỷ lệ chỉ tính khi mọi dòng số liệu dùng cho năm đó đều ghi số của nhóm; làm tròn nửa lên đến hai chữ số thập phân.',
    svg: !light && years.length >= 2 ? () => linesChart({ id, title: `Cơ cấu đảng viên mới kết nạp — ${unit.label}`, description: desc, points, series: present.map((s) => s.label), xDomain, yLabel: 'Tỷ lệ', percent: true }) : undefined,
    legend: !light && years.length >= 2 ? present.map((s, i) => ({ label: s.label, swatch: ['#0072B2', '#D55E00', '#009E73', '#CC79A7'][SHARES.indexOf(s)] ?? '#000', symbol: ['circle', 'square', 'triangle', 'diamond'][SHARES.indexOf(s)] ?? String(i) })) : undefined,
    table: {
      caption: `Cơ cấu đảng viên mới kết nạp — ${unit.label}`,
      head: ['Năm', 'Kết nạp', ...SHARES.map((s) => s.label)],
      numeric: [false, true, true, true, true, true],
      rows,
      note: hasSum(rows) ? SUM_NOTE : undefined,
    },
    csv,
    csvHref: csvHref(unit, 'co-cau'),
    csvName: `${unit.slug}-co-cau.csv`,
  };
}

/* ---------------- Members over time ---------------- */

function lastWith(snaps: Snapshot[], get: (s: Snapshot) => number | undefined, say: (s: Snapshot, v: number) => string): string | undefined {
  for (let i = snaps.length - 1; i >= 0; i--) {
    const v = get(snaps[i]!);
    if (v !== undefined) return say(snaps[i]!, v);
  }
  return undefined;
}

function membersView(ds: Dataset, unit: Unit, light: boolean): ChartView | undefined {
  const snaps = (ds.figures[unit.id]?.snapshots ?? []).filter(
    (s) => s.members !== undefined || s.probationary !== undefined || s.women !== undefined || s.ethnicMinority !== undefined || s.grassrootsOrgs !== undefined || s.branches !== undefined,
  );
  if (snaps.length === 0) return undefined;
  const cols = [
    { label: 'Đảng viên', get: (s: Snapshot) => s.members, csv: 'Đảng viên' },
    { label: 'Dự bị', get: (s: Snapshot) => s.probationary, csv: 'Đảng viên dự bị' },
    { label: 'Nữ', get: (s: Snapshot) => s.women, csv: 'Đảng viên nữ' },
    { label: 'Dân tộc thiểu số', get: (s: Snapshot) => s.ethnicMinority, csv: 'Đảng viên dân tộc thiểu số' },
    { label: 'TCCS đảng', get: (s: Snapshot) => s.grassrootsOrgs, csv: 'Tổ chức cơ sở đảng' },
    { label: 'Chi bộ', get: (s: Snapshot) => s.branches, csv: 'Chi bộ' },
  ].filter((c) => snaps.some((s) => c.get(s) !== undefined));
  const rows: Cell[][] = snaps.map((s) => [
    textCell(fmtDate(s.asOf), { header: true }),
    ...cols.map((c) => ({ ...countCell(c.get(s)), sum: c.label === 'Đảng viên' ? sumNote(s) : undefined })),
  ]);
  const withMembers = snaps.filter((s) => s.members !== undefined);
  const id = 'bd-dang-vien';
  return {
    key: 'dang-vien',
    id,
    title: 'Đảng viên qua các lần thống kê',
    subtitle: `${unit.label}: tổng số đảng viên (kể cả dự bị) tại mỗi ngày có số liệu`,
    svg:
      !light && withMembers.length >= 2
        ? () =>
            datedLineChart({
              id,
              title: `Đảng viên qua các lần thống kê — ${unit.label}`,
              description: `Số đảng viên: ${withMembers.map((s) => `${fmtDate(s.asOf)}: ${fmtCount(s.members)}`).join('; ')}.`,
              yLabel: 'Đảng viên',
              points: withMembers.map((s) => ({ date: s.asOf, value: s.members!, tip: `${fmtDate(s.asOf)}: ${fmtCount(s.members)} đảng viên` })),
            })
        : undefined,
    summary: lastWith(snaps, (s) => s.members, (s, v) => `Lần thống kê gần nhất (${fmtDate(s.asOf)}): ${fmtCount(v)} đảng viên${s.probationary !== undefined ? `, trong đó ${fmtCount(s.probationary)} dự bị` : ''}.`),
    table: {
      caption: `Đảng viên qua các lần thống kê — ${unit.label}`,
      head: ['Ngày', ...cols.map((c) => c.label)],
      numeric: [false, ...cols.map(() => true)],
      rows,
      note: hasSum(rows) ? SUM_NOTE : undefined,
    },
    csv: { columns: ['Ngày', ...cols.map((c) => c.csv), 'Cách tính'], rows: snaps.map((s) => [s.asOf, ...cols.map((c) => c.get(s)), s.basis]) },
    csvHref: csvHref(unit, 'dang-vien'),
    csvName: `${unit.slug}-dang-vien.csv`,
  };
}

/* ---------------- Training ---------------- */

function trainingView(ds: Dataset, unit: Unit): ChartView | undefined {
  const fig = ds.figures[unit.id];
  if (!fig) return undefined;
  const has = (w: WindowFigures) => w.classes || w.trainees || w.dossiers;
  const wins = [
    ...Object.values(fig.years).filter(has).sort((a, b) => a.window.from - b.window.from),
    ...Object.values(fig.terms).filter(has).sort((a, b) => a.window.from - b.window.from),
  ];
  if (wins.length === 0) return undefined;
  const rows = wins.map((w) => [
    textCell(w.window.kind === 'year' ? `Năm ${w.window.label}` : w.window.label, { header: true }),
    flowCell(w.classes),
    flowCell(w.trainees),
    flowCell(w.dossiers),
    flowCell(w.admitted),
    ratioCell(w.traineesPerAdmission),
  ]);
  const lastYear = [...wins].reverse().find((w) => w.window.kind === 'year' && w.trainees);
  return {
    key: 'boi-duong',
    summary: lastYear?.trainees
      ? `Năm ${lastYear.window.label}: ${lastYear.classes ? `${fmtCount(lastYear.classes.value)} lớp, ` : ''}${fmtCount(lastYear.trainees.value)} học viên${partialOf(lastYear.trainees) ? ` (${partialOf(lastYear.trainees)})` : ''}${lastYear.traineesPerAdmission !== undefined ? `, ${fmtNumber(lastYear.traineesPerAdmission)} học viên cho mỗi đảng viên kết nạp` : ''}.`
      : undefined,
    id: 'bd-boi-duong',
    title: 'Bồi dưỡng nhận thức về Đảng và hồ sơ kết nạp',
    subtitle: `${unit.label}: lớp bồi dưỡng, học viên, hồ sơ đề nghị kết nạp theo năm và nhiệm kỳ`,
    caption: 'Số học viên trên một đảng viên kết nạp chỉ tính khi cả hai số đủ kỳ.',
    table: {
      caption: `Bồi dưỡng và hồ sơ kết nạp — ${unit.label}`,
      head: ['Kỳ', 'Lớp', 'Học viên', 'Hồ sơ', 'Kết nạp', 'Học viên / kết nạp'],
      numeric: [false, true, true, true, true, true],
      rows,
      note: hasSum(rows) ? SUM_NOTE : undefined,
    },
    csv: {
      columns: ['Kỳ', 'Lớp', 'Học viên', 'Hồ sơ', 'Kết nạp', 'Số tháng có số liệu (học viên)', 'Số tháng của kỳ', 'Học viên trên một đảng viên kết nạp'],
      rows: wins.map((w) => [w.window.id, w.classes?.value, w.trainees?.value, w.dossiers?.value, w.admitted?.value, (w.trainees ?? w.classes ?? w.dossiers)?.months, w.window.months, w.traineesPerAdmission]),
    },
    csvHref: csvHref(unit, 'boi-duong'),
    csvName: `${unit.slug}-boi-duong.csv`,
  };
}

/* ---------------- Villages without members ---------------- */

function villagesView(ds: Dataset, unit: Unit): ChartView | undefined {
  const fig = ds.figures[unit.id];
  const snaps = (fig?.snapshots ?? []).filter((s) => s.villages !== undefined || s.villagesWithBranch !== undefined || s.villagesWithoutMembers !== undefined);
  if (!fig || snaps.length === 0) return undefined;
  const rows = snaps.map((s) => [
    textCell(fmtDate(s.asOf), { header: true }),
    countCell(s.villages),
    countCell(s.villagesWithBranch),
    { ...countCell(s.villagesWithoutMembers), sum: sumNote(s) },
  ]);
  const changes = Object.values(fig.terms)
    .filter((t) => t.villagesWithoutMembersChange !== undefined)
    .map((t) => `${t.window.label}: ${t.villagesWithoutMembersChange === 0 ? 'không đổi' : `${t.villagesWithoutMembersChange! < 0 ? 'giảm' : 'tăng'} ${fmtCount(Math.abs(t.villagesWithoutMembersChange!))}`}`);
  return {
    key: 'thon-ban',
    id: 'bd-thon-ban',
    title: 'Thôn, bản chưa có đảng viên',
    subtitle: `${unit.label}: thôn, bản, số có chi bộ và số chưa có đảng viên tại mỗi lần thống kê`,
    caption: changes.length ? `Số thôn, bản chưa có đảng viên trong từng nhiệm kỳ — ${changes.join('; ')}.` : undefined,
    summary: lastWith(snaps, (s) => s.villagesWithoutMembers, (s, v) => `Lần thống kê gần nhất (${fmtDate(s.asOf)}): ${fmtCount(v)} thôn, bản chưa có đảng viên${s.villages !== undefined ? ` trên ${fmtCount(s.villages)} thôn, bản` : ''}.`),
    table: { caption: `Thôn, bản chưa có đảng viên — ${unit.label}`, head: ['Ngày', 'Thôn, bản', 'Có chi bộ', 'Chưa có đảng viên'], numeric: [false, true, true, true], rows },
    csv: { columns: ['Ngày', 'Thôn, bản', 'Thôn, bản có chi bộ', 'Thôn, bản chưa có đảng viên', 'Cách tính'], rows: snaps.map((s) => [s.asOf, s.villages, s.villagesWithBranch, s.villagesWithoutMembers, s.basis]) },
    csvHref: csvHref(unit, 'thon-ban'),
    csvName: `${unit.slug}-thon-ban.csv`,
  };
}

/* ---------------- Term by term ---------------- */

function termsView(ds: Dataset, unit: Unit): ChartView | undefined {
  const fig = ds.figures[unit.id];
  if (!fig) return undefined;
  const terms = ds.terms.map((t) => fig.terms[t.id]).filter((w): w is WindowFigures => !!w);
  if (terms.length === 0) return undefined;
  const rows = terms.map((w) => [
    textCell(w.window.label, { header: true, href: href(termPath(w.window.id)) }),
    flowCell(w.admitted),
    ratioCell(w.averagePerYear),
    countCell(w.target?.value),
    { ...pctCell(w.targetAchievedPct), flag: w.targetAchievedPct !== undefined ? partialOf(w.admitted) : undefined },
    { text: w.admittedChange === undefined ? DASH : `${fmtSignedCount(w.admittedChange)} (${fmtSignedPct(w.admittedChangePct)})` },
    flowCell(w.trainees),
  ]);
  return {
    key: 'nhiem-ky',
    id: 'bd-nhiem-ky',
    title: 'Qua các nhiệm kỳ',
    subtitle: `${unit.label}: tổng kết nạp, bình quân mỗi năm, chỉ tiêu nhiệm kỳ`,
    caption: 'Bình quân mỗi năm và tăng, giảm so với nhiệm kỳ trước chỉ tính cho nhiệm kỳ đủ số liệu.',
    table: {
      caption: `Kết nạp đảng viên theo nhiệm kỳ — ${unit.label}`,
      head: ['Nhiệm kỳ', 'Kết nạp', 'Bình quân / năm', 'Chỉ tiêu', 'Đạt chỉ tiêu', 'So với nhiệm kỳ trước', 'Học viên'],
      numeric: [false, true, true, true, true, true, true],
      rows,
      note: hasSum(rows) ? SUM_NOTE : undefined,
    },
    csv: {
      columns: ['Nhiệm kỳ', 'Kết nạp', 'Số tháng có số liệu', 'Số tháng của kỳ', 'Cách tính', 'Bình quân mỗi năm', 'Chỉ tiêu', 'Đạt chỉ tiêu (%)', 'Tăng, giảm so với nhiệm kỳ trước', 'Tăng, giảm (%)', 'Học viên'],
      rows: terms.map((w) => [w.window.id, ...flowCsv(w.admitted), w.averagePerYear, w.target?.value, w.targetAchievedPct, w.admittedChange, w.admittedChangePct, w.trainees?.value]),
    },
    csvHref: csvHref(unit, 'nhiem-ky'),
    csvName: `${unit.slug}-nhiem-ky.csv`,
  };
}

/* ---------------- Children compared ---------------- */

export function compareUnitsView(
  ds: Dataset,
  units: Unit[],
  year: number,
  opts: { id: string; key: string; title: string; subtitle: string; csvHref: string; csvName: string; withParent?: boolean; chart: boolean; chartLimit?: number; tableLimit?: number },
): ChartView {
  const items = units.map((u) => ({ u, w: ds.figures[u.id]?.years[String(year)] }));
  items.sort((a, b) => (b.w?.admitted?.value ?? -1) - (a.w?.admitted?.value ?? -1));
  const rows: Cell[][] = items.slice(0, opts.tableLimit ?? items.length).map(({ u, w }, i) => [
    textCell(String(i + 1)),
    textCell(u.label, { header: true, href: href(unitPath(u.slug)), title: u.name }),
    ...(opts.withParent ? [textCell(u.parentId ? (ds.unitById[u.parentId]?.label ?? '') : '')] : []),
    flowCell(w?.admitted),
    countCell(w?.target?.value),
    { ...pctCell(w?.targetAchievedPct), flag: w?.targetAchievedPct !== undefined ? partialOf(w.admitted) : undefined, status: w?.paceStatus },
    { ...pctCell(w?.admissionRatePct), flag: w?.admissionRatePct !== undefined ? partialOf(w.admitted) : undefined },
    pctCell(w?.youthPct),
    pctCell(w?.womenPct),
    pctCell(w?.ethnicMinorityPct),
    pctCell(w?.collegePct),
  ]);
  const head = ['#', 'Đơn vị', ...(opts.withParent ? ['Trực thuộc'] : []), 'Kết nạp', 'Chỉ tiêu', 'Đạt chỉ tiêu', 'Tỷ lệ kết nạp', 'Trẻ', 'Nữ', 'Dân tộc thiểu số', 'Cao đẳng trở lên'];
  const limit = opts.chartLimit ?? 40;
  const shown = items.slice(0, limit);
  const reported = items.filter((x) => x.w?.admitted).length;
  const anyPartial = items.some((x) => partialOf(x.w?.admitted));
  const caption = [
    `${reported}/${items.length} đơn vị có số kết nạp năm ${year}.`,
    anyPartial ? 'Thanh gạch chéo, dấu *: số liệu chưa đủ 12 tháng, xem số tháng trong bảng.' : '',
    items.length > limit ? `Biểu đồ chỉ vẽ ${limit} đơn vị đầu; bảng có đủ ${items.length} đơn vị.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    key: opts.key,
    id: opts.id,
    title: opts.title,
    subtitle: opts.subtitle,
    caption,
    svg: opts.chart
      ? () =>
          unitBarsChart({
            id: opts.id,
            title: opts.title,
            description: `Số kết nạp năm ${year}, xếp từ cao xuống thấp: ${shown.map(({ u, w }) => `${u.label} ${w?.admitted ? fmtCount(w.admitted.value) + (partialOf(w.admitted) ? ` (${partialOf(w.admitted)})` : '') : 'chưa có số liệu'}`).join('; ')}.`,
            rows: shown.map(({ u, w }) => ({ label: u.label, value: w?.admitted?.value, partial: partialOf(w?.admitted), tip: flowTip(`${u.label}, ${year}`, w?.admitted) })),
          })
      : undefined,
    legend: opts.chart && anyPartial ? [{ label: 'Đủ 12 tháng', swatch: '#0072B2' }, { label: 'Chưa đủ 12 tháng (*)', swatch: 'hatch' }] : undefined,
    table: {
      caption: `${opts.title} (năm ${year})`,
      head,
      numeric: head.map((_, i) => i === 0 || i >= (opts.withParent ? 3 : 2)),
      rows,
      note: [hasSum(rows) ? SUM_NOTE : '', rows.length < items.length ? `Bảng chỉ liệt kê ${rows.length} đơn vị đầu trong ${items.length}; tệp CSV và trang So sánh có đủ.` : ''].filter(Boolean).join(' ') || undefined,
    },
    csv: {
      columns: ['Mã đơn vị', 'Đơn vị', 'Năm', 'Kết nạp', 'Số tháng có số liệu', 'Số tháng của kỳ', 'Cách tính', 'Chỉ tiêu', 'Đạt chỉ tiêu (%)', 'Tiến độ cần đạt (%)', 'Tỷ lệ kết nạp (%)', 'Trẻ (%)', 'Nữ (%)', 'Dân tộc thiểu số (%)', 'Cao đẳng trở lên (%)'],
      rows: items.map(({ u, w }) => [u.id, u.label, year, ...flowCsv(w?.admitted), w?.target?.value, w?.targetAchievedPct, w?.expectedPacePct, w?.admissionRatePct, w?.youthPct, w?.womenPct, w?.ethnicMinorityPct, w?.collegePct]),
    },
    csvHref: opts.csvHref,
    csvName: opts.csvName,
  };
}

function childrenView(ds: Dataset, unit: Unit, year: number | undefined, light: boolean): ChildrenView | undefined {
  const kids = (ds.childrenOf[unit.id] ?? []).map((id) => ds.unitById[id]).filter((u): u is Unit => !!u);
  if (kids.length === 0) return undefined;
  const y = year ?? siteIndex(ds).latestYear;
  const plural = LEVEL_PLURAL[kids[0]!.level];
  if (y === undefined) {
    return {
      title: 'Các đơn vị trực thuộc',
      reported: `${kids.length} ${plural}; ${NO_DATA}.`,
      view: {
        key: 'don-vi-truc-thuoc',
        id: 'bd-truc-thuoc',
        title: `Các đơn vị trực thuộc ${unit.label}`,
        table: {
          caption: `Các đơn vị trực thuộc ${unit.label}`,
          head: ['Đơn vị', 'Cấp'],
          numeric: [false, false],
          rows: kids.map((k) => [textCell(k.label, { header: true, href: href(unitPath(k.slug)), title: k.name }), textCell(LEVEL_LABEL[k.level])]),
        },
        csv: { columns: ['Mã đơn vị', 'Đơn vị', 'Cấp'], rows: kids.map((k) => [k.id, k.name, k.level]) },
        csvHref: csvHref(unit, 'don-vi-truc-thuoc'),
        csvName: `${unit.slug}-don-vi-truc-thuoc.csv`,
      },
    };
  }
  const view = compareUnitsView(ds, kids, y, {
    id: 'bd-truc-thuoc',
    key: 'don-vi-truc-thuoc',
    title: `Các đơn vị trực thuộc ${unit.label}: kết nạp năm ${y}`,
    subtitle: `${kids.length} ${plural}, xếp theo số kết nạp`,
    csvHref: csvHref(unit, 'don-vi-truc-thuoc'),
    csvName: `${unit.slug}-don-vi-truc-thuoc.csv`,
    chart: !light && kids.length >= 2 && kids.some((k) => ds.figures[k.id]?.years[String(y)]?.admitted),
  });
  const reported = kids.filter((k) => ds.figures[k.id]?.years[String(y)]?.admitted).length;
  return { title: 'So sánh các đơn vị trực thuộc', reported: `${reported}/${kids.length} ${plural} có số kết nạp năm ${y}.`, view };
}

/* ---------------- Sources ---------------- */

function collectOrigins(w: WindowFigures, add: (o: RowOrigin) => void) {
  for (const k of ['admitted', 'youth', 'women', 'ethnicMinority', 'college', 'classes', 'trainees', 'dossiers'] as const) {
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

/* ---------------- The page ---------------- */

export function unitPage(ds: Dataset, unit: Unit): UnitPage {
  const years = admittedYears(ds, unit.id);
  const year = years[years.length - 1];
  const light = isLight(unit);
  const parent = unit.parentId ? ds.unitById[unit.parentId] : undefined;
  const w = year === undefined ? undefined : ds.figures[unit.id]?.years[String(year)];
  const description =
    year !== undefined && w?.admitted
      ? `${unit.name}: năm ${year} kết nạp ${fmtCount(w.admitted.value)} đảng viên${partialOf(w.admitted) ? ` (${partialOf(w.admitted)})` : ''}${w.targetAchievedPct !== undefined ? `, đạt ${fmtPct(w.targetAchievedPct)} chỉ tiêu` : ''}. Số liệu theo năm, nhiệm kỳ, cơ cấu và nguồn.`
      : `${unit.name}: số liệu phát triển đảng viên theo năm, nhiệm kỳ và nguồn số liệu.`;
  // The prose summaries of the cards' year and of the latest term (src/lib/summary via src/lib/press).
  const summaries = unitSummaries(ds, unit, year);
  return {
    unit,
    summaries,
    levelLabel: LEVEL_LABEL[unit.level],
    kindLabel: unit.kind ? KIND_LABEL[unit.kind] : undefined,
    parent: parent ? { label: parent.label, href: href(unitPath(parent.slug)) } : undefined,
    crumbs: breadcrumbs(ds, unit.id),
    description,
    year,
    cards: unitCards(ds, unit, year),
    admissions: admissionsView(ds, unit, light),
    pace: paceView(ds, unit, year),
    composition: compositionView(ds, unit, light),
    members: membersView(ds, unit, light),
    training: trainingView(ds, unit),
    villages: villagesView(ds, unit),
    terms: termsView(ds, unit),
    children: childrenView(ds, unit, year, light),
    sources: unitSources(ds, unit),
    downloadHref: href(`${unitPath(unit.slug)}chi-so.csv`),
    downloadName: `${unit.slug}-chi-so.csv`,
    note: unit.note,
  };
}

/** The chart CSVs of one unit, without rendering anything (for the CSV endpoints). */
export function unitChartViews(ds: Dataset, unit: Unit): ChartView[] {
  const light = isLight(unit);
  const years = admittedYears(ds, unit.id);
  const year = years[years.length - 1];
  return [
    admissionsView(ds, unit, light),
    compositionView(ds, unit, light),
    membersView(ds, unit, light),
    trainingView(ds, unit),
    villagesView(ds, unit),
    termsView(ds, unit),
    childrenView(ds, unit, year, light)?.view,
  ].filter((v): v is ChartView => !!v);
}

