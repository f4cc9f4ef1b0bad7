/** terms.csv: each term through its schema, then unique ids and no overlap between terms. */
import { parsePeriod } from '../periods.ts';
import type { Term } from '../types.ts';
import type { RawRow } from '../ingest/parse.ts';
import type { FileCheck } from './file-check.ts';
import { termSchema } from './rows.ts';
import type { TermInput } from './rows.ts';

/** Every non-empty value written in a column, whatever else is wrong with its row. */
export function writtenIds(check: FileCheck | undefined, field: string): Set<string> {
  const out = new Set<string>();
  const idx = check?.cols.index.get(field);
  if (check && idx !== undefined) for (const row of check.rows) if (row.cells[idx]) out.add(row.cells[idx]);
  return out;
}

/** The terms in force: those of terms.csv that pass, or the defaults when the file is absent. */
export function checkTerms(check: FileCheck | undefined, defaults: readonly Term[]): Term[] {
  if (!check) return defaults.map((t) => ({ ...t }));
  const seen = new Map<string, RawRow>();
  const candidates: { term: Term; row: RawRow }[] = [];
  check.run(termSchema, (v, row) => {
    if (typeof parsePeriod(v.id, new Map()) !== 'string') {
      check.error(
        row,
        'id',
        'Mã nhiệm kỳ trùng dạng với một năm hoặc tháng (YYYY, YYYY-MM, YYYY-MM..YYYY-MM) ' +
          'nên cột period không phân biệt được: dùng mã như 2020-2025.',
      );
      return;
    }
    const first = seen.get(v.id);
    if (first) {
      check.error(
        row,
        'id',
        `Trùng mã nhiệm kỳ: ${v.id} đã có ở dòng ${first.line} ` +
          `(dòng ${first.line} và dòng ${row.line}). Mỗi nhiệm kỳ cần một mã riêng.`,
      );
      return;
    }
    seen.set(v.id, row);
    candidates.push({ term: toTerm(v), row }); // kept below, once overlaps are known
  });
  // Overlap: sorted by start, each term must begin after every earlier one has ended.
  candidates.sort((a, b) => a.term.from - b.term.from || a.row.line - b.row.line);
  const terms: Term[] = [];
  let last: { term: Term; row: RawRow } | undefined;
  for (const c of candidates) {
    if (last && c.term.from <= last.term.to) {
      check.error(
        c.row,
        'from',
        `Nhiệm kỳ ${c.term.id} chồng lên nhiệm kỳ ${last.term.id} (dòng ${last.row.line}): ` +
          'các nhiệm kỳ không được trùng tháng nào; ' +
          'nhiệm kỳ sau phải bắt đầu sau tháng kết thúc của nhiệm kỳ trước.',
      );
      continue;
    }
    last = c;
    terms.push(c.term);
    check.keep(c.row);
  }
  return terms;
}

function toTerm(v: TermInput): Term {
  return { id: v.id, name: v.name ?? `Nhiệm kỳ ${v.id.replace('-', '–')}`, from: v.from, to: v.to };
}
