/** Sentences about the classes on the Party, their trainees and the admission dossiers. */
import { fmtCount, fmtNumber } from '../format/index.ts';
import type { Flow } from '../types.ts';
import { coveragePhrase, type CoveragePhrase } from './coverage.ts';
import type { CitedFigure } from './types.ts';
import { add, cite, summedNote, type Ctx } from './wording.ts';

type TrainingKey = 'classes' | 'trainees' | 'dossiers';
const CLASS_WORDS = 'lớp bồi dưỡng nhận thức về Đảng';

/**
 * "Cũng trong thời gian này, Đảng bộ huyện mở được 4 lớp bồi dưỡng nhận thức về Đảng
 * với 282 học viên và tiếp nhận 36 hồ sơ đề nghị kết nạp đảng." Each of classes, trainees and
 * dossiers may rest on different rows: figures covering the same months share a sentence, others get their own.
 */
export function trainingSentences(ctx: Ctx): void {
  const { ds, unit, f, w } = ctx;
  const groups = new Map<string, { cov: CoveragePhrase; flow: Flow; keys: TrainingKey[] }>();
  for (const k of ['classes', 'trainees', 'dossiers'] as const) {
    const flow = f[k];
    if (!flow) continue;
    const cov = coveragePhrase(ds, flow, w, 'training');
    const r = flow.reporting;
    const g = `${cov.key}|${cov.text}|${flow.basis}|${r ? `${r.reported}/${r.active}` : ''}`;
    const at = groups.get(g);
    if (at) at.keys.push(k);
    else groups.set(g, { cov, flow, keys: [k] });
  }
  let first = true;
  for (const { cov, flow, keys } of groups.values()) {
    const figs: CitedFigure[] = [];
    const parts: string[] = [];
    const has = (k: TrainingKey) => keys.includes(k);
    const num = (k: TrainingKey) => {
      const v = f[k]!.value;
      const t = fmtCount(v);
      figs.push(cite(k, w.id, v, t));
      return t;
    };
    if (has('classes') && has('trainees')) {
      const classes = num('classes');
      const trainees = num('trainees');
      parts.push(`mở được ${classes} ${CLASS_WORDS} với ${trainees} học viên`);
    } else if (has('classes')) {
      parts.push(`mở được ${num('classes')} ${CLASS_WORDS}`);
    } else if (has('trainees')) {
      parts.push(`bồi dưỡng nhận thức về Đảng cho ${num('trainees')} quần chúng ưu tú`);
    }
    if (has('dossiers')) parts.push(`tiếp nhận ${num('dossiers')} hồ sơ đề nghị kết nạp đảng`);
    const said = ctx.admittedCoverage;
    const same = first && said && ctx.f.admitted && said.key === cov.key && said.text === cov.text;
    const when = same ? 'cũng trong thời gian này' : cov.text;
    const text = `${when}, ${ctx.subject.next()} ${parts.join(' và ')}${summedNote(ds, unit.id, flow)}.`;
    add(ctx, 'training', text, figs);
    first = false;
  }
  if (f.traineesPerAdmission !== undefined && f.trainees && f.admitted) {
    const t = fmtNumber(f.traineesPerAdmission);
    const each = 'cho mỗi đảng viên được kết nạp';
    const text = `Bình quân có ${t} học viên được bồi dưỡng ${each}.`;
    add(ctx, 'training', text, [cite('trainees_per_admission', w.id, f.traineesPerAdmission, t)]);
  }
}
