/** Where the generator's rows go: files on disk (write.ts), memory (tests), or just a count. */

export type Cell = string | number | undefined;

export interface CsvSink {
  /** Starts a file; rows that follow belong to it until `end`. */
  begin(file: string, columns: readonly string[]): void;
  row(cells: readonly Cell[]): void;
  end(): void;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell: empty for unknown, quoted when it holds a delimiter, quote or line break. */
export function csvCell(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvLine(cells: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(cells[i]);
  }
  return line + '\n';
}

/** Counts rows per file without keeping them. */
export class CountingSink implements CsvSink {
  readonly rows: Record<string, number> = {};
  private current = '';

  begin(file: string): void {
    this.current = file;
    this.rows[file] = 0;
  }

  row(): void {
    this.rows[this.current]!++;
  }

  end(): void {
    this.current = '';
  }
}

/** Keeps each file's text (for small data sets: tests). */
export class MemorySink implements CsvSink {
  readonly files: Record<string, string> = {};
  private current = '';
  private parts: string[] = [];

  begin(file: string, columns: readonly string[]): void {
    this.current = file;
    this.parts = [csvLine(columns)];
  }

  row(cells: readonly Cell[]): void {
    this.parts.push(csvLine(cells));
  }

  end(): void {
    this.files[this.current] = this.parts.join('');
    this.parts = [];
  }
}
