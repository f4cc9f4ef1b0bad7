/**
 * Settings of the build's process that only take effect from its start: glibc's malloc reads its environment once.
 * The build replaces itself, once and before loading anything, by the same command with them (execve: the same
 * process id, standard streams, exit code and signals, so `npm run build`, the bench's sampler and Ctrl-C see one
 * process as before). Light on purpose: node built-ins only.
 */

/** Set in the environment of the process started again, so that it does not start itself once more. */
const MARK = 'PDV_BUILD_TUNED';

/**
 * glibc gives each thread that allocates its own arena (up to 8 per core) and keeps what was freed in it: the PNG
 * threads (resvg, libvips), libuv's pool and V8's helpers held ~190 MB of arenas on the province demo. Two arenas:
 * province demo peak 819 → 737 MB. A value set by the user is kept.
 */
const ALLOCATOR: Record<string, string> = { MALLOC_ARENA_MAX: '2' };

/** The environment of the process started again: the user's, with the allocator settings it lacks and the mark. */
function tunedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, [MARK]: '1' };
  for (const [k, v] of Object.entries(ALLOCATOR)) out[k] ??= v;
  return out;
}

/**
 * Replaces this process by `node <execArgv> script <args>` with tunedEnv(), unless it is that process already,
 * the system is not Linux (glibc's settings), or Node cannot (process.execve: Node ≥ 23.11). Returns only then.
 */
export function relaunchTuned(script: string): void {
  if (process.env[MARK] === '1' || process.platform !== 'linux' || typeof process.execve !== 'function') return;
  const argv = [process.execPath, ...process.execArgv, script, ...process.argv.slice(2)];
  process.execve(process.execPath, argv, tunedEnv(process.env));
}
