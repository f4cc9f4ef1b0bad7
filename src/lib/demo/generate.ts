/**
 * The demo data generator: a seeded, deterministic, clearly illustrative data set in the exact CSV
 * format of the data contract (../../../../shared/spec/data-format.md), written through a CsvSink.
 *
 * How it works:
 * 1. A unit tree (tree.ts, grassroots.ts): provinces, districts (territorial ones, and per province the
 *    agencies' bloc, the military and the police committees), grassroots organisations (communes, wards,
 *    agencies, schools, enterprises, armed forces); then the 2025 reorganisation (reorg.ts): districts and
 *    old commune committees end 06/2025, new commune committees (about one for three old communes) start
 *    07/2025 and take over the organisations of their area, provinces merge (63 into 34, national preset).
 * 2. A month-by-month simulation of every grassroots organisation and new commune (simulate.ts): members,
 *    admissions (0–15 a year for an organisation) and their breakdowns, probationary members, villages
 *    without members.
 * 3. Reports drawn from that truth the way committees report (reports.ts and one module per file):
 *    yearly rows, monthly rows from some year on, half-year ranges, an early "7 months" report beside the
 *    yearly one, the current year up to `lastMonth`, and gaps (missing years or months). A district or
 *    province row, when present, is the true total of all its organisations, so it is never less than
 *    what its children report.
 *
 * Nothing here touches the file system; one unit's random numbers come from its own stream,
 * so the output depends only on the preset and the seed.
 */
import { writeAdmissions } from './admissions.ts';
import { DEMO_COLUMNS, type DemoFile } from './columns.ts';
import type { CsvSink } from './csv.ts';
import { writeMembers } from './members.ts';
import type { Preset } from './presets.ts';
import { leavesOf, type Ctx } from './reports.ts';
import { simulate } from './simulate.ts';
import { writeTargets } from './targets.ts';
import { writeTraining } from './training.ts';
import { buildTree, writeUnits } from './tree.ts';
import { REORG, type DemoLevel, type DemoUnit } from './unit.ts';

export { DEMO_FILES, DEMO_SOURCE, type DemoFile } from './columns.ts';

export interface DemoStats {
  preset: string;
  seed: number;
  /** Units per level (each unit once, whatever its number of rows). */
  units: Record<DemoLevel, number>;
  /** Units active in 06/2025 and in 07/2025, per level. */
  before: Record<DemoLevel, number>;
  after: Record<DemoLevel, number>;
  rows: Record<DemoFile, number>;
}

/** Generates the whole data set into `sink`, file by file, and returns the counts. */
export function generateDemo(p: Preset, seed: number, sink: CsvSink): DemoStats {
  const units = buildTree(p, seed);
  // The simulated units: grassroots organisations, then the new communes (after the old ones they are founded on).
  const simulated: DemoUnit[] = [];
  const unitOfG: number[] = [];
  units.forEach((u, i) => {
    if (u.level !== 'grassroots' && u.level !== 'commune') return;
    u.g = simulated.push(u) - 1;
    unitOfG.push(i);
  });
  const sim = simulate(p, seed, simulated, units);

  // Depth-first order (province, its first district, that district's organisations, ..., then its new
  // communes): every file follows it; a moved unit's rows are together, under its first parent.
  const order: number[] = [];
  const visit = (i: number) => {
    order.push(i);
    for (const c of units[i]!.children) visit(c);
  };
  units.forEach((u, i) => {
    if (u.level === 'province') visit(i);
  });
  const ctx: Ctx = { p, seed, units, unitOfG, sim, leaves: leavesOf(units) };

  const counts = {} as Record<DemoFile, number>;
  let current: DemoFile = 'units.csv';
  const counting: CsvSink = {
    begin: (name, columns) => sink.begin(name, columns),
    row: (cells) => {
      counts[current]++;
      sink.row(cells);
    },
    end: () => sink.end(),
  };
  const file = (name: DemoFile, body: () => void) => {
    current = name;
    counts[name] = 0;
    counting.begin(name, DEMO_COLUMNS[name]);
    body();
    counting.end();
  };

  file('units.csv', () => writeUnits(units, order, counting));
  file('admissions.csv', () => writeAdmissions(ctx, counting, order));
  file('targets.csv', () => writeTargets(ctx, counting, order));
  file('members.csv', () => writeMembers(ctx, counting, order));
  file('training.csv', () => writeTraining(ctx, counting, order));

  const count = (active: (u: DemoUnit) => boolean) => {
    const levels: Record<DemoLevel, number> = { province: 0, district: 0, commune: 0, grassroots: 0, branch: 0 };
    for (const u of units) if (active(u)) levels[u.level]++;
    return levels;
  };
  const activeAt = (m: number) => (u: DemoUnit) => (u.activeFrom ?? -Infinity) <= m && m <= (u.activeTo ?? Infinity);
  return {
    preset: p.name,
    seed,
    units: count(() => true),
    before: count(activeAt(REORG - 1)),
    after: count(activeAt(REORG)),
    rows: counts,
  };
}
