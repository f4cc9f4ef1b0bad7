/**
 * The input row behind a RowOrigin (file + line): source lists and coverage phrases need it.
 * Rows are kept in arrays indexed by line, one per file, built once per Inputs: no string key per row, which on a
 * national data set (800,000 rows) would cost hundreds of megabytes and much garbage collection.
 */
import type { AdmissionRow, Inputs, MemberRow, RowOrigin, TargetRow, TrainingRow } from '../types.ts';

export type RowKind = 'admissions' | 'targets' | 'training' | 'members';
export type InputRow = AdmissionRow | TargetRow | TrainingRow | MemberRow;
export type FoundRow =
  | { kind: 'admissions'; row: AdmissionRow }
  | { kind: 'targets'; row: TargetRow }
  | { kind: 'training'; row: TrainingRow }
  | { kind: 'members'; row: MemberRow };

interface Lookup {
  byFile: Map<string, { kind: RowKind; rows: InputRow[] }>;
  /** Every row of each unit, in file order (admissions, targets, training, members). */
  byUnit: Map<string, InputRow[]>;
}

const cache = new WeakMap<Inputs, Lookup>();

function lookup(inputs: Inputs): Lookup {
  let l = cache.get(inputs);
  if (l) return l;
  l = { byFile: new Map(), byUnit: new Map() };
  const add = (kind: RowKind, rows: readonly InputRow[]) => {
    for (const r of rows) {
      let f = l!.byFile.get(r.origin.file);
      if (!f) l!.byFile.set(r.origin.file, (f = { kind, rows: [] }));
      f.rows[r.origin.line] = r;
      let u = l!.byUnit.get(r.unitId);
      if (!u) l!.byUnit.set(r.unitId, (u = []));
      u.push(r);
    }
  };
  add('admissions', inputs.admissions);
  add('targets', inputs.targets);
  add('training', inputs.training);
  add('members', inputs.members);
  cache.set(inputs, l);
  return l;
}

/** The row at `origin`, with which file kind it is; undefined when no validated row is there. */
export function rowAt(inputs: Inputs, origin: RowOrigin): FoundRow | undefined {
  const f = lookup(inputs).byFile.get(origin.file);
  const row = f?.rows[origin.line];
  return f && row ? ({ kind: f.kind, row } as FoundRow) : undefined;
}

/** The unit's own rows in every file. */
export function rowsOfUnit(inputs: Inputs, unitId: string): readonly InputRow[] {
  return lookup(inputs).byUnit.get(unitId) ?? [];
}
