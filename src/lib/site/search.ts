/**
 * Unit search that works on a static host: a small prebuilt JSON index (/tim-kiem.json) fetched on first use,
 * matched in the browser on text folded without diacritics ("phu binh" finds "Phú Bình").
 * This module is shared by the build (the index) and the browser (the matching).
 */
import { foldVi } from '../format/index.ts';

/** One unit: [label, full name, level code, slug, index of the parent entry or -1]. */
export type SearchEntry = [string, string, string, string, number];

export const LEVEL_CODE = { province: 't', district: 'h', commune: 'x', grassroots: 'c', branch: 'b' } as const;
export const LEVEL_WORD: Record<string, string> = { t: 'Tỉnh', h: 'Cấp huyện', x: 'Cấp xã', c: 'Cơ sở', b: 'Chi bộ' };
const RANK: Record<string, number> = { t: 0, h: 1, x: 1, c: 2, b: 3 };

export interface SearchHit {
  entry: SearchEntry;
  parent: string;
  score: number;
}

interface Prepared {
  entry: SearchEntry;
  label: string;
  name: string;
  /** The parent's label ('' for a root). */
  parent: string;
}

export function prepare(entries: SearchEntry[]): Prepared[] {
  return entries.map((e) => ({
    entry: e,
    label: foldVi(e[0]),
    name: foldVi(e[1] || e[0]),
    parent: entries[e[4]]?.[0] ?? '',
  }));
}

/** Best matches first: label starts with the query, a word of the label does, the name contains it, all words match. */
export function search(index: Prepared[], query: string, limit = 20): SearchHit[] {
  const q = foldVi(query);
  if (!q) return [];
  const words = q.split(' ');
  const hits: SearchHit[] = [];
  for (const p of index) {
    let score = -1;
    if (p.label === q) score = 0;
    else if (p.label.startsWith(q)) score = 1;
    else if ((' ' + p.label).includes(' ' + q)) score = 2;
    else if ((' ' + p.name).includes(' ' + q)) score = 3;
    else if (words.every((w) => (' ' + p.name + ' ' + p.label).includes(' ' + w))) score = 4;
    else if (p.name.includes(q)) score = 5;
    if (score >= 0) hits.push({ entry: p.entry, parent: p.parent, score: score * 10 + (RANK[p.entry[2]] ?? 4) });
  }
  hits.sort((a, b) => a.score - b.score || (a.entry[0] < b.entry[0] ? -1 : a.entry[0] > b.entry[0] ? 1 : 0));
  return hits.slice(0, limit);
}

/** The index the build writes: every unit, provinces first; parents referenced by position. */
export function searchIndex(
  units: { id: string; label: string; name: string; level: keyof typeof LEVEL_CODE; slug: string; parentId?: string }[],
): SearchEntry[] {
  const sorted = [...units].sort(
    (a, b) =>
      RANK[LEVEL_CODE[a.level]]! - RANK[LEVEL_CODE[b.level]]! ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
      (a.id < b.id ? -1 : 1),
  );
  const pos = new Map(sorted.map((u, i) => [u.id, i]));
  return sorted.map((u) => [
    u.label,
    u.name === u.label ? '' : u.name,
    LEVEL_CODE[u.level],
    u.slug,
    u.parentId ? (pos.get(u.parentId) ?? -1) : -1,
  ]);
}
