/**
 * How the pages get the Dataset.
 * `npm run build` (scripts/build.ts) computes it once and leaves it on `globalThis.__PDV_DATASET__` before it
 * calls Astro; `astro dev` / a plain `astro build` compute it here, once, from DATA_DIR (default `data`).
 */
import type { Dataset } from '../types.ts';

declare global {
  // eslint-disable-next-line no-var
  var __PDV_DATASET__: Dataset | undefined;
}

let pending: Promise<Dataset> | undefined;

export function getDataset(): Promise<Dataset> {
  if (globalThis.__PDV_DATASET__) return Promise.resolve(globalThis.__PDV_DATASET__);
  pending ??= (async () => {
    const dir = process.env.DATA_DIR || 'data';
    // load.ts may offer loadDataset (inputs + model in one call); otherwise compose the two here.
    const load = (await import('../load.ts')) as typeof import('../load.ts') & { loadDataset?: (dir: string) => Promise<Dataset> };
    let ds: Dataset;
    if (typeof load.loadDataset === 'function') ds = await load.loadDataset(dir);
    else {
      const { computeDataset } = await import('../model/index.ts');
      const inputs = await load.loadInputs(dir);
      ds = computeDataset(inputs, { isDemo: inputs.isDemo });
    }
    globalThis.__PDV_DATASET__ = ds;
    return ds;
  })();
  return pending;
}
