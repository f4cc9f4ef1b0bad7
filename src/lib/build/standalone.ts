/**
 * A plain `astro build` (without scripts/build.ts), installed by the integration in astro.config.mjs: the Dataset
 * from DATA_DIR, unchecked, and the files the pages declare written into Astro's output folder. No data check,
 * no staging folder, no data/ files: `npm run build` is the build to publish.
 */
import { loadDataset } from '../load.ts';
import { setBuildContext } from './context.ts';
import { fileWriter } from './files.ts';

export function startStandaloneBuild(dataDir: string, outDir: string): { finish(): Promise<unknown> } {
  const writer = fileWriter(outDir);
  setBuildContext({ dataset: loadDataset(dataDir), publish: (files) => writer.publish(files) });
  return {
    finish: async () => {
      await writer.finish();
      setBuildContext(undefined);
    },
  };
}
