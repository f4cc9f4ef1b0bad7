/**
 * Summaries a writer would sign (issue "Readers on phones", §3): in every published summary of the sample data
 * and of the province demo, no two sentences open with the same clause (the words before the first comma) or
 * the same first six words; and every figure stated stays the published indicator's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../src/lib/demo/presets.ts';
import { writeDemo } from '../src/lib/demo/write.ts';
import { loadDataset } from '../src/lib/load.ts';
import type { Dataset } from '../src/lib/types.ts';
import {
  checkAgainstIndicators,
  plain,
  publishedSummaries,
  repeatedOpenings,
  type SummaryRecord,
} from './helpers/summary.ts';

describe('openings: the sample data', () => {
  let all: SummaryRecord[];
  beforeAll(async () => {
    all = publishedSummaries(await loadDataset('data'));
  });

  it('no summary opens two sentences alike', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(repeatedOpenings(all)).toEqual([]);
  });

  it('a term says its period once when admitted and training cover the same months', () => {
    // QN.BL 2015–2020: admitted 2019-01..2020-07 (19 months), training 2019-01..2020-06 (18): two periods, so two
    // openings; the second must not repeat "Từ tháng 1/2019 đến hết tháng".
    const r = all.find((x) => x.unit_id === 'QN.BL' && x.period === '2015-2020')!;
    expect(r.sentences.filter((s) => s.startsWith('Từ tháng 1/2019'))).toHaveLength(1);
  });
});

describe('openings: the province demo', { timeout: 120_000 }, () => {
  let tmp: string;
  let ds: Dataset;
  let all: SummaryRecord[];
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-words-'));
    writeDemo(tmp, PRESETS.province, 1);
    ds = await loadDataset(tmp);
    all = publishedSummaries(ds);
  }, 120_000);
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('no summary opens two sentences alike', () => {
    expect(all.length).toBeGreaterThan(1000);
    const bad = repeatedOpenings(all);
    expect(bad.slice(0, 5), `${bad.length} sentences`).toEqual([]);
  });

  it('no summary says a term or a year twice in a row at its opening', () => {
    // The observed defect: "Từ đầu nhiệm kỳ 2025–2030 đến hết tháng 9/2026 (số liệu 9/60 tháng), …" three times.
    for (const r of all) {
      const opens = r.sentences.map((s) => s.split(',')[0]!);
      expect(new Set(opens).size, `${r.unit_id} ${r.period}: ${plain(r.text)}`).toBe(opens.length);
    }
  });

  it('states only figures equal to the published indicators', () => checkAgainstIndicators(ds, all));
});
