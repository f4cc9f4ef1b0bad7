/**
 * The demo data generator: a seeded, deterministic, clearly illustrative data set in the exact CSV
 * format of the data contract (../../../../shared/spec/data-format.md), written through a CsvSink.
 *
 * How it works:
 * 1. A unit tree (tree.ts, grassroots.ts): provinces, districts (territorial ones, and per province the
 *    agencies' bloc, the military and the police committees), grassroots organisations (communes, wards,
 *    agencies, schools, enterprises, armed forces). Per province one commune is dissolved in 2025-06 and
 *    a new one founded in 2025-07 (the 2025 reorganisation).
 * 2. A month-by-month simulation of every grassroots organisation (simulate.ts): members, admissions
 *    (0–15 a year) and their breakdowns, probationary members, villages without members.
 * 3. Reports drawn from that truth the way committees report (reports.ts and one module per file):
 *    yearly rows, monthly rows from some year on, half-year ranges, an early "7 months" report beside the
 *    yearly one, the current year up to `lastMonth`, and gaps (missing years or months). A district or
 *    province row, when present, is the true total of all its organisations, so it is never less than
 *    what its children report.
 *
 * Nothing here touches the file system; one unit's random numbers come from its own stream,
 * so the output depends only on the preset and the seed.
 */
import type { Level } from '../types.ts';
import { writeAdmissions } from './admissions.ts';
import { DEMO_COLUMNS, type DemoFile } from './columns.ts';
import type { CsvSink } from './csv.ts';
import { writeMembers } from './members.ts';
import type { Preset } from './presets.ts';
import type { Ctx } from './reports.ts';
import { simulate } from './simulate.ts';
import { writeTargets } from './targets.ts';
import { writeTraining } from './training.ts';
import { buildTree, writeUnits } from './tree.ts';
import type { DemoUnit } from './unit.ts';

export { DEMO_COLUMNS, DEMO_FILES, DEMO_SOURCE, type DemoFile } from './columns.ts';

export interface DemoStats {
  preset: string;
  seed: number;
  units: Record<Level, number>;
  rows: Record<DemoFile, number>;
}

/** Generates the whole data set into `sink`, file by file, and returns the counts. */
export function generateDemo(p: Preset, seed: number, sink: CsvSink): DemoStats {
  const units = buildTree(p, seed);
  const grassroots: DemoUnit[] = [];
  for (const u of units) if (u.level === 'grassroots') u.g = grassroots.push(u) - 1;
  const sim = simulate(p, seed, grassroots);

  // Depth-first order (province, its first district, that district's organisations, ...): units.csv is in
  // that order already, and the other files follow it.
  const order = units.map((_, i) => i);
  const leaves: number[][] = units.map(() => []);
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i]!;
    if (u.level === 'grassroots') leaves[i]!.push(i);
    if (u.parent >= 0) leaves[u.parent]!.push(...leaves[i]!);
  }
  const ctx: Ctx = { p, seed, units, sim, leaves };

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

  file('units.csv', () => writeUnits(units, counting));
  file('admissions.csv', () => writeAdmissions(ctx, counting, order));
  file('targets.csv', () => writeTargets(ctx, counting, order));
  file('members.csv', () => writeMembers(ctx, counting, order));
  file('training.csv', () => writeTraining(ctx, counting, order));

  const levels: Record<Level, number> = { province: 0, district: 0, grassroots: 0, branch: 0 };
  for (const u of units) levels[u.level]++;
  return { preset: p.name, seed, units: levels, rows: counts };
}
