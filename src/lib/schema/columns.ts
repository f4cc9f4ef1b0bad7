/**
 * The columns each file may have, which are required, and header checks (unknown, duplicate, missing,
 * unnamed columns). A misspelt column would silently lose its data, so it is an error with a suggestion.
 */
import type { Diagnostic } from '../types.ts';
import type { DataFileName } from '../ingest/folder.ts';

export interface FileColumns {
  known: readonly string[];
  required: readonly string[];
}

const COUNTS_MEMBERS = [
  'members',
  'probationary',
  'women',
  'ethnic_minority',
  'grassroots_orgs',
  'branches',
  'villages',
  'villages_with_branch',
  'villages_without_members',
] as const;

export const FILE_COLUMNS: Record<DataFileName, FileColumns> = {
  'units.csv': {
    known: [
      'id',
      'name',
      'short_name',
      'level',
      'parent_id',
      'kind',
      'active_from',
      'active_to',
      'successor_id',
      'slug',
      'source',
      'note',
    ],
    required: ['id', 'name', 'level', 'parent_id'],
  },
  'terms.csv': { known: ['id', 'name', 'from', 'to', 'note'], required: ['id', 'from', 'to'] },
  'admissions.csv': {
    known: ['unit_id', 'period', 'admitted', 'youth', 'women', 'ethnic_minority', 'college', 'source', 'note'],
    required: ['unit_id', 'period', 'admitted'],
  },
  'targets.csv': {
    known: ['unit_id', 'period', 'target', 'source', 'note'],
    required: ['unit_id', 'period', 'target'],
  },
  'training.csv': {
    known: ['unit_id', 'period', 'classes', 'trainees', 'dossiers', 'source', 'note'],
    // Each count is optional, but a file without any of them says nothing: checked per row.
    required: ['unit_id', 'period'],
  },
  'members.csv': { known: ['unit_id', 'as_of', ...COUNTS_MEMBERS, 'source', 'note'], required: ['unit_id', 'as_of'] },
};

export interface ColumnMap {
  /** Known column (lower-case) → index in the row's cells (the first, if duplicated). */
  index: Map<string, number>;
  /** Required columns absent from the header: their per-row errors are not repeated. */
  missing: Set<string>;
  /** Indexes of columns to re-publish (every named column). */
  keep: number[];
  /** Indexes of columns without a name (a stray delimiter): harmless while empty, an error where data is. */
  unnamed: number[];
  diagnostics: Diagnostic[];
}

/** Header checks of one file: `header` as written (cleaned), `line` its line, `file` the name as found. */
export function mapColumns(header: readonly string[], line: number, file: string, name: DataFileName): ColumnMap {
  const spec = FILE_COLUMNS[name];
  const known = new Set(spec.known);
  const index = new Map<string, number>();
  const keep: number[] = [];
  const unnamed: number[] = [];
  const diagnostics: Diagnostic[] = [];

  header.forEach((asWritten, i) => {
    const col = asWritten.toLowerCase();
    if (col === '') {
      unnamed.push(i);
      return;
    }
    keep.push(i);
    if (col.startsWith('x_')) return;
    if (known.has(col)) {
      const first = index.get(col);
      if (first === undefined) {
        index.set(col, i);
        return;
      }
      diagnostics.push({
        severity: 'error',
        file,
        line,
        column: asWritten,
        columnNumber: i + 1,
        value: asWritten,
        message:
          `Cột ${col} xuất hiện hai lần (cột thứ ${first + 1} và cột thứ ${i + 1}). ` +
          'Mỗi cột chỉ được có một lần: xoá hoặc đổi tên một cột.',
      });
      return;
    }
    const suggestion = closest(col, spec.known);
    diagnostics.push({
      severity: 'error',
      file,
      line,
      column: asWritten,
      columnNumber: i + 1,
      value: asWritten,
      message:
        `Cột không có trong ${name}: có phải ý bạn là \`${suggestion}\`? ` +
        `Các cột của ${name}: ${spec.known.join(', ')}. ` +
        'Cột ghi chú riêng hãy đặt tên note hoặc bắt đầu bằng x_ (ví dụ x_ghi_chu).',
    });
  });

  const missing = new Set<string>();
  for (const req of spec.required) {
    if (!index.has(req)) {
      missing.add(req);
      // An empty file has already been reported as such; one message is enough.
      if (header.length === 0) continue;
      diagnostics.push({
        severity: 'error',
        file,
        ...(line > 0 ? { line } : {}),
        column: req,
        message: `Thiếu cột bắt buộc ${req} ở dòng tiêu đề của ${name}. Các cột bắt buộc: ${spec.required.join(', ')}.`,
      });
    }
  }
  return { index, missing, keep, unnamed, diagnostics };
}

/** The candidate with the smallest edit distance (first one on ties, i.e. the order of the spec). */
export function closest(word: string, candidates: readonly string[]): string {
  let best = candidates[0] ?? '';
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c, bestD);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Levenshtein distance; gives up (returns `limit`) once every path is already at least `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
