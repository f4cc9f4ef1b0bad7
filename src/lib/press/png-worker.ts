/**
 * A worker thread of png.ts: renders the batches of jobs it is sent, answers with the count and bytes written.
 * resvg's images hold their pixels in native memory that is released only when their JS wrappers are collected
 * and the finalizers get a turn of the event loop; a tight loop would keep every image (~5 MB each) alive. So after
 * each image: a minor GC (cheap: the wrappers are young) and a turn of the loop.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type PngJob } from './png.ts';

let gc: ((o: { type: 'minor' | 'major' }) => void) | undefined;
try {
  v8.setFlagsFromString('--expose-gc');
  gc = vm.runInNewContext('gc') as typeof gc;
} catch {
  gc = undefined;
}
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

const { outDir } = workerData as { outDir: string };
// One batch at a time, in the order sent (the pool sends the next before this one ends).
let done = Promise.resolve();
parentPort!.on('message', (batch: PngJob[]) => {
  done = done.then(async () => {
    let bytes = 0;
    for (const j of batch) {
      bytes += await runJob(outDir, j);
      gc?.({ type: 'minor' });
      await turn();
    }
    parentPort!.postMessage({ bytes, count: batch.length });
  });
});
