/**
 * Whether the built site fits each common host, from the hosts' documented limits (checked 2026-12):
 * - GitHub Pages: a published site of at most 1 GB; no file over 100 MiB (GitHub's limit for a file);
 * - Cloudflare Pages, free plan: at most 20,000 files, none over 25 MiB (paid plans: 100,000 files);
 * - Netlify: files over 10 MB "are not well supported by our CDN and will likely fail to upload", which fails the
 *   whole deploy; no documented limit on the number of files (tens of thousands make a deploy slow);
 * - a plain web server (Apache, nginx, IIS): no limit but its disk.
 * `hostFit` is pure over a listing; `hostFitLines(dir)` lists a built folder and says it in Vietnamese.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface BuiltFile {
  /** Path inside the site, `/`-separated. */
  path: string;
  bytes: number;
}

export interface HostLimits {
  name: string;
  maxFiles?: number;
  maxFileBytes?: number;
  maxSiteBytes?: number;
  /** Files above this may fail: the host says so without a hard limit. */
  riskyFileBytes?: number;
}

const MiB = 1024 * 1024;

export const HOSTS: HostLimits[] = [
  { name: 'GitHub Pages', maxSiteBytes: 1_000_000_000, maxFileBytes: 100 * MiB },
  { name: 'Cloudflare Pages (gói miễn phí)', maxFiles: 20_000, maxFileBytes: 25 * MiB },
  { name: 'Netlify', riskyFileBytes: 10_000_000 },
  { name: 'Máy chủ web thường (Apache, nginx, IIS)' },
];

export type Fit = 'fits' | 'risky' | 'exceeds';

export interface HostFit {
  host: string;
  fit: Fit;
  /** Why not, in Vietnamese; empty when it fits. */
  reasons: string[];
}

export interface SiteSize {
  files: number;
  bytes: number;
  largest?: BuiltFile;
}

const num = (n: number) => n.toLocaleString('vi-VN');
/** Bytes as MB (10^6) with one decimal and a decimal comma, as the site writes numbers; under 1 MB as whole KB. */
export const mb = (bytes: number) =>
  bytes < 999_950
    ? `${num(Math.round(bytes / 1000))} KB`
    : `${(bytes / 1_000_000).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
/** A limit as its host states it: 25 MiB (26,2 MB), 1 GB. */
const limitText = (bytes: number) => (bytes % MiB === 0 ? `${num(bytes / MiB)} MiB (${mb(bytes)})` : mb(bytes));

export function siteSize(files: readonly BuiltFile[]): SiteSize {
  let bytes = 0;
  let largest: BuiltFile | undefined;
  for (const f of files) {
    bytes += f.bytes;
    if (!largest || f.bytes > largest.bytes) largest = f;
  }
  return { files: files.length, bytes, ...(largest ? { largest } : {}) };
}

/** Files over `limit`, largest first: how many and which is largest. */
function over(files: readonly BuiltFile[], limit: number, what: string): string | undefined {
  const big = files.filter((f) => f.bytes > limit).sort((a, b) => b.bytes - a.bytes);
  const top = big[0];
  if (!top) return undefined;
  return `${num(big.length)} tệp lớn hơn ${what} ${limitText(limit)} (lớn nhất: ${top.path}, ${mb(top.bytes)})`;
}

/** Each host's verdict on the site made of `files`. */
export function hostFit(files: readonly BuiltFile[], hosts: readonly HostLimits[] = HOSTS): HostFit[] {
  const size = siteSize(files);
  return hosts.map((h) => {
    const exceeds: string[] = [];
    const risky: string[] = [];
    if (h.maxFiles !== undefined && size.files > h.maxFiles) {
      exceeds.push(`${num(size.files)} tệp, quá giới hạn ${num(h.maxFiles)} tệp`);
    }
    if (h.maxSiteBytes !== undefined && size.bytes > h.maxSiteBytes) {
      exceeds.push(`cả trang ${mb(size.bytes)}, quá giới hạn ${limitText(h.maxSiteBytes)}`);
    }
    const tooBig = h.maxFileBytes === undefined ? undefined : over(files, h.maxFileBytes, 'giới hạn');
    if (tooBig) exceeds.push(tooBig);
    const doubtful = h.riskyFileBytes === undefined ? undefined : over(files, h.riskyFileBytes, 'mức nơi này khuyên');
    if (doubtful) risky.push(`${doubtful}: tệp lớn như vậy thường tải lên không được và làm hỏng cả lần đăng`);
    const fit: Fit = exceeds.length > 0 ? 'exceeds' : risky.length > 0 ? 'risky' : 'fits';
    return { host: h.name, fit, reasons: [...exceeds, ...risky] };
  });
}

/**
 * The site's size, then one line per host, e.g. `Trang gồm 1.784 tệp, 31,6 MB (tệp lớn nhất: data/x.json, 5,3 MB).`,
 * `✓ GitHub Pages: vừa.`, `✗ Cloudflare Pages (gói miễn phí): không vừa: 25.120 tệp, quá giới hạn 20.000 tệp.`
 */
export function hostFitText(files: readonly BuiltFile[], hosts: readonly HostLimits[] = HOSTS): string[] {
  const size = siteSize(files);
  const largest = size.largest ? ` (tệp lớn nhất: ${size.largest.path}, ${mb(size.largest.bytes)})` : '';
  const lines = [`Trang gồm ${num(size.files)} tệp, ${mb(size.bytes)}${largest}.`];
  for (const r of hostFit(files, hosts)) {
    if (r.fit === 'fits') lines.push(`✓ ${r.host}: vừa.`);
    else if (r.fit === 'risky') lines.push(`! ${r.host}: có thể không vừa: ${r.reasons.join('; ')}.`);
    else lines.push(`✗ ${r.host}: không vừa: ${r.reasons.join('; ')}.`);
  }
  return lines;
}

/** Every file under `dir` with its size, paths `/`-separated, sorted. */
export async function listBuilt(dir: string): Promise<BuiltFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: BuiltFile[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    files.push({ path: path.relative(dir, full).split(path.sep).join('/'), bytes: (await stat(full)).size });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** For the end of the build: the size of the site in `outDir`, then whether it fits each host, in Vietnamese. */
export async function hostFitLines(outDir: string): Promise<string[]> {
  return hostFitText(await listBuilt(outDir));
}
