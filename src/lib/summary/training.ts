/** Sentences about the classes on the Party, their trainees and the admission dossiers. */
import { fmtCount, fmtNumber } from '../format/index.ts';
import { coveragePhrase, type CoveragePhrase } from './coverage.ts';
import { flowSource, once, sourceAfter } from './sources.ts';
import type { CitedFigure } from './types.ts';
import { add, cite, type Ctx } from './wording.ts';

type TrainingKey = 'classes' | 'trainees' | 'dossiers';
const CLASS_WORDS = 'lớp bồi dưỡng nhận thức về Đảng';

/**
 * "Cũng trong thời gian này, Đảng bộ huyện mở được 4 lớp bồi dưỡng nhận thức về Đảng
 * với 282 học viên và tiếp nhận 36 hồ sơ đề nghị kết nạp đảng." Each of classes, trainees and
 * dossiers may rest on different rows: figures covering the same months share a sentence (the period said once),
 * each clause saying where its figures come from when that was not said before; other months get their own.
 */
export function trainingSentences(ctx: Ctx): void {
  const { ds, unit, f, w } = ctx;
  const groups = new Map<string, { cov: CoveragePhrase; keys: TrainingKey[] }>();
  for (const k of ['classes', 'trainees', 'dossiers'] as const) {
    const flow = f[k];
    if (!flow) continue;
    const cov = coveragePhrase(ds, flow, w, 'training', unit);
    const at = groups.get(cov.text);
    if (at) at.keys.push(k);
    else groups.set(cov.text, { cov, keys: [k] });
  }
  for (const { cov, keys } of groups.values()) {
    const figs: CitedFigure[] = [];
    const num = (k: TrainingKey) => {
      const v = f[k]!.value;
      const t = fmtCount(v);
      figs.push(cite(k, w.id, v, t));
      return t;
    };
    const source = (k: TrainingKey) => flowSource(ctx, f[k]!, k);
    const has = (k: TrainingKey) => keys.includes(k);
    const clauses: { text: string; key: TrainingKey; source: string }[] = [];
    const clause = (key: TrainingKey, text: string) => clauses.push({ text, key, source: source(key) });
    if (has('classes') && has('trainees') && source('classes') === source('trainees')) {
      clause('classes', `mở được ${num('classes')} ${CLASS_WORDS} với ${num('trainees')} học viên`);
    } else {
      if (has('classes')) clause('classes', `mở được ${num('classes')} ${CLASS_WORDS}`);
      if (has('trainees')) clause('trainees', `bồi dưỡng nhận thức về Đảng cho ${num('trainees')} quần chúng ưu tú`);
    }
    if (has('dossiers')) clause('dossiers', `tiếp nhận ${num('dossiers')} hồ sơ đề nghị kết nạp đảng`);
    // Clauses of one source share its note, said after the last of them; a source with the same groups as the
    // clause before says only its counts ("lần lượt 4/7, 36/47 và 3/3 đơn vị báo cáo").
    const parts: string[] = [];
    let anchor: (typeof clauses)[number] | undefined; // the last clause whose source was said in full
    clauses.forEach((c, i) => {
      const next = clauses[i + 1];
      if (next && next.source === c.source) {
        parts.push(c.text);
        return;
      }
      const short =
        anchor && anchor.source !== c.source
          ? sourceAfter(ctx, f[c.key]!, c.key, { flow: f[anchor.key]!, key: anchor.key })
          : undefined;
      if (short) parts.push(`${c.text} (${short})`);
      else {
        parts.push(`${c.text}${once(ctx, c.source)}`);
        if (c.source) anchor = c;
      }
    });
    const said = ctx.admittedCoverage;
    const same = said && ctx.f.admitted && said.key === cov.key && said.text === cov.text;
    const when = same ? 'cũng trong thời gian này' : cov.text;
    add(ctx, 'training', `${when}, ${ctx.subject.next()} ${joinClauses(parts)}.`, figs);
  }
  if (f.traineesPerAdmission !== undefined && f.trainees && f.admitted) {
    const t = fmtNumber(f.traineesPerAdmission);
    const each = 'cho mỗi đảng viên được kết nạp';
    const text = `Bình quân có ${t} học viên được bồi dưỡng ${each}.`;
    add(ctx, 'training', text, [cite('trainees_per_admission', w.id, f.traineesPerAdmission, t)]);
  }
}

/** `a và b`; `a, b và c`; a clause ending in a note's parenthesis is parted by a semicolon. */
function joinClauses(parts: readonly string[]): string {
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const last = i === parts.length - 1;
    out += parts[i - 1]!.endsWith(')') ? '; ' : last ? ' và ' : ', ';
    out += parts[i];
  }
  return out;
}
