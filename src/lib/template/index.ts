/**
 * The blank templates the site publishes under data/: `mau-nhap-lieu.xlsx` (one workbook, a sheet per table)
 * and `mau/<table>.csv` (the same headers as CSV files, UTF-8 with BOM).
 */
import { FILE_COLUMNS } from '../schema/columns.ts';
import { toCsv } from '../publish/csv.ts';
import type { InstructionOptions } from './instructions.ts';
import { TEMPLATE_TABLES } from './sheets.ts';
import { templateWorkbook, workbookBytes } from './workbook.ts';

export { SHEET_NAMES } from './sheets.ts';
export { templateWorkbook, workbookBytes } from './workbook.ts';

export const TEMPLATE_WORKBOOK = 'mau-nhap-lieu.xlsx';
export const TEMPLATE_CSV_DIR = 'mau';

export interface TemplateFile {
  /** Relative to the published data/ folder (or the folder given to `npm run template -- --out`). */
  path: string;
  content: Uint8Array | string;
}

/** `checkPage` defaults to the site's check page at the root; pass it with the site's base path. */
export async function templateFiles(opts: Partial<InstructionOptions> = {}): Promise<TemplateFile[]> {
  const wb = templateWorkbook({ checkPage: opts.checkPage ?? '/kiem-tra/' });
  const files: TemplateFile[] = [{ path: TEMPLATE_WORKBOOK, content: await workbookBytes(wb) }];
  for (const file of TEMPLATE_TABLES) {
    files.push({ path: `${TEMPLATE_CSV_DIR}/${file}`, content: toCsv(FILE_COLUMNS[file].known, []) });
  }
  return files;
}
