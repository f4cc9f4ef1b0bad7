import { loadInputs } from './src/lib/load.ts';
import { computeDataset } from './src/lib/model/index.ts';
import { publishData } from './src/lib/publish/index.ts';
const [dir, out] = process.argv.slice(2);
const inputs = await loadInputs(dir!);
console.log(dir, 'errors', inputs.diagnostics.filter((d) => d.severity === 'error').length);
await publishData(computeDataset(inputs, { isDemo: inputs.isDemo }), out!);
