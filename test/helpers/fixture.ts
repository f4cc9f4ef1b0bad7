/**
 * The one builder of hand-made Inputs (model, publish, seeds and summary tests), without the CSV reader:
 * each row gets the next line number of its file, as an editor would show it. Terms default to DEFAULT_TERMS,
 * as computeDataset does for data without terms.csv.
 */
import { DEFAULT_TERMS, parseMonth, parsePeriod } from '../../src/lib/periods.ts';
import type {
  AdmissionRow,
  Inputs,
  Level,
  MemberRow,
  Period,
  TargetRow,
  Term,
  TrainingRow,
  Unit,
} from '../../src/lib/types.ts';

export interface UnitExtra {
  name?: string;
  shortName?: string;
  label?: string;
  activeFrom?: string;
  activeTo?: string;
}

type AdmissionExtra = Partial<Pick<AdmissionRow, 'youth' | 'women' | 'ethnicMinority' | 'college' | 'source'>>;
type TrainingCounts = Partial<Pick<TrainingRow, 'classes' | 'trainees' | 'dossiers' | 'source'>>;

export class Fixture {
  terms: Term[] = [...DEFAULT_TERMS];
  units: Unit[] = [];
  admissions: AdmissionRow[] = [];
  targets: TargetRow[] = [];
  training: TrainingRow[] = [];
  members: MemberRow[] = [];
  private lines = new Map<string, number>();

  private origin(file: string) {
    const line = (this.lines.get(file) ?? 1) + 1;
    this.lines.set(file, line);
    return { file, line };
  }

  period(text: string): Period {
    const p = parsePeriod(text, new Map(this.terms.map((t) => [t.id, t])));
    if (typeof p === 'string') throw new Error(`${text}: ${p}`);
    return p;
  }

  /**
   * A unit. `name` is the full name (default: `label`, else the id); `label`, what charts show, defaults to
   * `shortName`, else the name, as the reader of units.csv does.
   */
  unit(id: string, level: Level, parentId?: string, extra: UnitExtra = {}): this {
    const name = extra.name ?? extra.label ?? id;
    const label = extra.label ?? extra.shortName ?? name;
    const u: Unit = { id, name, label, level, slug: id.toLowerCase(), origin: this.origin('units.csv') };
    if (parentId) u.parentId = parentId;
    if (extra.shortName) u.shortName = extra.shortName;
    if (extra.activeFrom) u.activeFrom = parseMonth(extra.activeFrom)!;
    if (extra.activeTo) u.activeTo = parseMonth(extra.activeTo)!;
    this.units.push(u);
    return this;
  }

  adm(unitId: string, period: string, admitted: number, extra: AdmissionExtra = {}): this {
    const origin = this.origin('admissions.csv');
    this.admissions.push({ unitId, period: this.period(period), admitted, ...extra, origin });
    return this;
  }

  target(unitId: string, period: string, target: number, source?: string): this {
    const origin = this.origin('targets.csv');
    this.targets.push({ unitId, period: this.period(period), target, ...(source ? { source } : {}), origin });
    return this;
  }

  train(unitId: string, period: string, counts: TrainingCounts): this {
    this.training.push({ unitId, period: this.period(period), ...counts, origin: this.origin('training.csv') });
    return this;
  }

  member(unitId: string, asOf: string, counts: Partial<Omit<MemberRow, 'unitId' | 'asOf' | 'origin'>>): this {
    this.members.push({ unitId, asOf, ...counts, origin: this.origin('members.csv') });
    return this;
  }

  inputs(): Inputs {
    return {
      units: this.units,
      terms: this.terms,
      admissions: this.admissions,
      targets: this.targets,
      training: this.training,
      members: this.members,
      tables: [],
      diagnostics: [],
    };
  }
}
