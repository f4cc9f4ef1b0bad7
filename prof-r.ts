import { readFileSync } from 'node:fs';
import { readWorkbook } from '/work/wt/xlsx/src/lib/ingest/workbook.ts';
const t0 = performance.now();
const r = await readWorkbook(readFileSync('/tmp/natx-xlsx/admissions.xlsx'), 'admissions.xlsx', (_n, i) => (i === 0 ? 'admissions.csv' : undefined));
console.log(r.tables[0]?.rows.length, Math.round(performance.now() - t0), 'ms', process.cpuUsage());
