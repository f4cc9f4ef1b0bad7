/**
 * The build starts itself again once with the allocator's settings (src/lib/build/launch.ts): the same process
 * (pid, exit code, output) with MALLOC_ARENA_MAX set, unless the user set it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let tmp: string;
let script: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-launch-'));
  script = path.join(tmp, 'run.ts');
  const launch = path.resolve(import.meta.dirname, '../src/lib/build/launch.ts');
  // Prints its pid before and after the relaunch, its arguments and setting, and exits with 3.
  await writeFile(
    script,
    `import { relaunchTuned } from ${JSON.stringify(launch)};\n` +
      `if (!process.env.PDV_BUILD_TUNED) console.log('before', process.pid);\n` +
      'relaunchTuned(process.argv[1]);\n' +
      `console.log('after', process.pid, process.argv.slice(2).join(' '), process.env.MALLOC_ARENA_MAX);\n` +
      'process.exit(3);\n',
  );
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const run = (env: Record<string, string>) => {
  const { PDV_BUILD_TUNED: _, MALLOC_ARENA_MAX: __, ...rest } = process.env;
  return spawnSync(process.execPath, [script, 'a', 'b c'], { env: { ...rest, ...env }, encoding: 'utf8' });
};

describe.runIf(process.platform === 'linux' && typeof process.execve === 'function')('the relaunch', () => {
  it('is the same process, with its arguments and exit code, and two malloc arenas', () => {
    const r = run({});
    const [before, after] = r.stdout.trim().split('\n');
    const pid = before!.split(' ')[1];
    expect(after).toBe(`after ${pid} a b c 2`);
    expect(r.status).toBe(3);
  });

  it("keeps the user's setting", () => {
    expect(run({ MALLOC_ARENA_MAX: '4' }).stdout).toMatch(/^after \d+ a b c 4$/m);
  });
});
