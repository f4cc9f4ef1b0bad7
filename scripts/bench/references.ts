/**
 * The references the check is compared with, on the same files in the bench's own process: a bare CSV parse with
 * d3-dsv (read + csvParse, the floor: no validation) and DuckDB's CSV reader (read_csv + count).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { csvParse } from 'd3-dsv';
import { DEMO_FILES } from '../../src/lib/demo/columns.ts';

export interface RefTimes {
  seconds: number;
  perFile: Record<string, number>;
  rows: number;
}

export function d3Reference(dir: string): RefTimes {
  const perFile: Record<string, number> = {};
  let rows = 0;
  const t0 = performance.now();
  for (const f of DEMO_FILES) {
    const t = performance.now();
    const text = readFileSync(path.join(dir, f), 'utf8');
    rows += csvParse(text).length;
    perFile[f] = (performance.now() - t) / 1000;
  }
  return { seconds: (performance.now() - t0) / 1000, perFile, rows };
}

export async function duckdbReference(dir: string): Promise<RefTimes & { version: string }> {
  const duck = await import('@duckdb/node-api');
  const instance = await duck.DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const perFile: Record<string, number> = {};
  let rows = 0;
  const t0 = performance.now();
  for (const f of DEMO_FILES) {
    const t = performance.now();
    const file = path.join(dir, f).replace(/'/g, "''");
    const result = await con.runAndReadAll(`SELECT count(*) AS n FROM read_csv('${file}', header = true)`);
    rows += Number(result.getRows()[0]![0]);
    perFile[f] = (performance.now() - t) / 1000;
  }
  const seconds = (performance.now() - t0) / 1000;
  con.closeSync();
  instance.closeSync();
  return { seconds, perFile, rows, version: duck.version() };
}
