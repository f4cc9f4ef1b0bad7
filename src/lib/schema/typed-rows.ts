/**
 * Schema output (the file's column names) → the typed rows of Inputs (the model's names), with their origin.
 * Each is built as one literal with every field (undefined when unknown): one allocation, and one object
 * shape per file, which keeps the model's loops over half a million rows monomorphic.
 */
import type { AdmissionRow, MemberRow, TargetRow, TrainingRow } from '../types.ts';
import type { AdmissionInput, MemberInput, TargetInput, TrainingInput } from './rows.ts';

export function toAdmission(v: AdmissionInput, file: string, line: number): AdmissionRow {
  return {
    unitId: v.unit_id,
    period: v.period,
    admitted: v.admitted,
    youth: v.youth,
    women: v.women,
    ethnicMinority: v.ethnic_minority,
    college: v.college,
    source: v.source,
    note: v.note,
    origin: { file, line },
  };
}

export function toTarget(v: TargetInput, file: string, line: number): TargetRow {
  return {
    unitId: v.unit_id,
    period: v.period,
    target: v.target,
    source: v.source,
    note: v.note,
    origin: { file, line },
  };
}

export function toTraining(v: TrainingInput, file: string, line: number): TrainingRow {
  return {
    unitId: v.unit_id,
    period: v.period,
    classes: v.classes,
    trainees: v.trainees,
    dossiers: v.dossiers,
    source: v.source,
    note: v.note,
    origin: { file, line },
  };
}

export function toMember(v: MemberInput, file: string, line: number): MemberRow {
  return {
    unitId: v.unit_id,
    asOf: v.as_of,
    members: v.members,
    probationary: v.probationary,
    women: v.women,
    ethnicMinority: v.ethnic_minority,
    grassrootsOrgs: v.grassroots_orgs,
    branches: v.branches,
    villages: v.villages,
    villagesWithBranch: v.villages_with_branch,
    villagesWithoutMembers: v.villages_without_members,
    source: v.source,
    note: v.note,
    origin: { file, line },
  };
}
