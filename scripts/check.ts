/**
 * `npm run check [-- --all]`: read and validate the data folder (DATA_DIR, default data/), print the warnings and
 * errors with their file:line:column (or workbook, sheet and cell), many of one kind grouped into one line unless
 * --all asks for each, and exit 1 when there is any error. The build calls runCheck() in-process so that both
 * print the same thing.
 */
import module from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { FigureScope } from '../src/lib/model/index.ts';
import type { PreviousPublication, RevisionResult } from '../src/lib/revisions/index.ts';
import type { Dataset, Diagnostic, Inputs } from '../src/lib/types.ts';

export interface CheckResult {
  inputs: Inputs & { isDemo: boolean };
  errors: Diagnostic[];
  warnings: Diagnostic[];
  isDemo: boolean;
  /** The computed figures, when the data has no error (the build renders them without computing again). */
  dataset?: Dataset;
  /** The comparison with the previous publication (absent when the data has errors or it could not be read). */
  revisions?: RevisionResult;
  /** Why the previous publication could not be read (the build then stops: its history would be lost). */
  previousError?: string;
}

export interface CheckOptions {
  /** Where progress and diagnostics go, one line per call: stdout by default; `() => {}` for silence. */
  log?: (line: string) => void;
  /** Where the error list goes: stderr by default. */
  logError?: (line: string) => void;
  /** Every problem on its own line (`--all`), instead of many of one kind as one line. */
  all?: boolean;
  /**
   * The output folder the build replaces, whose data/ is the previous publication unless PREVIOUS_DATA names
   * another: OUT_DIR, else dist/.
   */
  outDir?: string;
  /**
   * 'warnings': compute only the figures the warnings read, and return no dataset (`npm run check`, which renders
   * nothing); every figure when there is a previous publication to compare with. Default 'all' (the build).
   */
  figures?: FigureScope;
}

const count = (n: number) => n.toLocaleString('vi-VN');
const seconds = (ms: number) =>
  (ms / 1000).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export async function runCheck(dir: string, opts: CheckOptions = {}): Promise<CheckResult> {
  const log = opts.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const logError = opts.logError ?? (opts.log ? log : (line: string) => process.stderr.write(`${line}\n`));
  // Loaded here, not at the top, so that `npm run check` turns on the compile cache (below) before they load.
  const { formatDiagnostic, loadInputs, locateDiagnostic } = await import('../src/lib/load.ts');
  const { formatGrouped } = await import('../src/lib/diagnostics.ts');
  const t0 = performance.now();
  const inputs = await loadInputs(dir, {
    onFile: (p) => log(`đọc ${p.file}: ${count(p.rows)} dòng (${seconds(p.ms)} s)`),
    onNote: log,
  });
  const errors = inputs.diagnostics.filter((d) => d.severity === 'error');
  const warnings = inputs.diagnostics.filter((d) => d.severity === 'warning');

  // Some warnings need the figures themselves (a unit whose children's sum exceeds its own figure): compute them
  // when the rows are valid. Loaded lazily so that a file with errors is reported without loading the model.
  let dataset: Dataset | undefined;
  let revisions: RevisionResult | undefined;
  let previousError: string | undefined;
  if (errors.length === 0) {
    const rev = await import('../src/lib/revisions/index.ts');
    // The previous publication first: comparing with it needs every figure.
    let previous: PreviousPublication | undefined;
    let previousFailed: InstanceType<typeof rev.PreviousDataError> | undefined;
    try {
      const outDir = path.resolve(opts.outDir ?? (process.env.OUT_DIR || 'dist'));
      previous = await rev.loadPrevious(rev.previousSourceFromEnv(outDir));
    } catch (error) {
      if (!(error instanceof rev.PreviousDataError)) throw error;
      previousFailed = error;
    }
    const scope = previous?.indicators ? 'all' : (opts.figures ?? 'all');

    const t1 = performance.now();
    const { computeDataset } = await import('../src/lib/model/index.ts');
    const computed = computeDataset(inputs, { isDemo: inputs.isDemo, figures: scope });
    const known = new Set(warnings);
    warnings.push(...computed.warnings.filter((w) => !known.has(w)).map((w) => locateDiagnostic(inputs, w)));
    log(`tính số liệu: ${count(inputs.units.length)} đơn vị (${seconds(performance.now() - t1)} s)`);

    // Typo warnings: about the current data (kept on the dataset, for the data page), and about the figures that
    // changed since the previous publication (the output folder, or PREVIOUS_DATA).
    const current = rev.dataWarnings(computed);
    computed.warnings.push(...current);
    warnings.push(...current);
    if (previousFailed) {
      previousError = previousFailed.message;
      logError(`\n${previousFailed.message}`);
    } else {
      revisions = rev.reviseAgainstPrevious({ dataset: computed, previous, buildDate: rev.buildDate() });
      warnings.push(...revisions.warnings);
    }
    // A dataset of the warnings' figures only is not one to render.
    if (scope === 'all') dataset = computed;
  }

  // One write per list: hundreds of thousands of lines on a badly broken file must not take minutes.
  const lines = (list: Diagnostic[]) => (opts.all ? list.map(formatDiagnostic) : formatGrouped(list));
  const heading = (title: string, list: Diagnostic[], shown: string[]) => {
    const merged = shown.length < list.length ? `, gộp thành ${count(shown.length)} mục` : '';
    return `\n${title} (${count(list.length)}${merged}):\n${shown.join('\n')}`;
  };
  const warningLines = lines(warnings);
  const errorLines = lines(errors);
  if (warnings.length > 0) log(heading('Cảnh báo', warnings, warningLines));
  if (errors.length > 0) logError(heading('Lỗi', errors, errorLines));

  const rows = inputs.tables.reduce((n, t) => n + t.rows.length, 0);
  const where = path.relative(process.cwd(), dir) || '.';
  const summary =
    `\nKiểm tra ${where}: ${inputs.tables.length} tệp, ${count(rows)} dòng hợp lệ, ` +
    `${count(inputs.units.length)} đơn vị; ${count(errors.length)} lỗi, ${count(warnings.length)} cảnh báo ` +
    `(${seconds(performance.now() - t0)} s).`;
  const grouped = errorLines.length + warningLines.length < errors.length + warnings.length;
  const all = grouped
    ? ' Lỗi cùng loại trong một cột được gộp thành một mục; xem từng lỗi: npm run check -- --all.'
    : '';
  if (errors.length > 0) logError(`${summary}${all} Sửa các lỗi trên rồi chạy lại.`);
  else log(`${summary}${inputs.isDemo ? ' Đây là dữ liệu minh hoạ (có tệp DEMO).' : ''}${all} Dữ liệu hợp lệ.`);
  return {
    inputs,
    errors,
    warnings,
    isDemo: inputs.isDemo,
    ...(dataset ? { dataset } : {}),
    ...(revisions ? { revisions } : {}),
    ...(previousError ? { previousError } : {}),
  };
}

/**
 * Exits once what was written to stdout and stderr is out: into a pipe, a write the reader has not taken yet is
 * still queued, and process.exit() would drop it (the national warnings cut at 64 KiB).
 */
function exitAfterOutput(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  // Node keeps the modules' type-stripped and compiled code on disk (os.tmpdir(), or NODE_COMPILE_CACHE; off with
  // NODE_DISABLE_COMPILE_CACHE=1), keyed by their content: a check then loads them in 0.2 s of CPU instead of 0.5.
  module.enableCompileCache?.();
  const dir = path.resolve(process.env.DATA_DIR || 'data');
  runCheck(dir, { all: process.argv.includes('--all'), figures: 'warnings' }).then(
    (r) => {
      module.flushCompileCache?.();
      exitAfterOutput(r.errors.length > 0 ? 1 : 0);
    },
    (error: unknown) => {
      console.error('Kiểm tra thất bại do lỗi chương trình:');
      console.error(error);
      exitAfterOutput(2);
    },
  );
}
