/** bench/build-time.svg: build time against data rows and against pages, log scales, with a proportional line. */
import { writeFile } from 'node:fs/promises';
import type { PresetResult } from './runner.ts';

export async function chart(results: PresetResult[], file: string): Promise<boolean> {
  const built = results.filter((r) => r.build?.code === 0 && r.site);
  if (built.length === 0) return false;
  const Plot = await import('@observablehq/plot');
  const { parseHTML } = await import('linkedom');
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const panel = (measure: 'rows' | 'pages') => {
    const data = built.map((r) => ({
      preset: r.preset,
      x: measure === 'rows' ? r.rows : r.site!.pages,
      y: r.build!.seconds,
    }));
    // A line through the smallest-but-one point (or the only point), proportional to x: what linear growth looks like.
    const ref = data.find((d) => d.preset === 'province') ?? data[0]!;
    const xs = data.map((d) => d.x);
    const line = [Math.min(...xs), Math.max(...xs)].map((x) => ({ x, y: (ref.y * x) / ref.x }));
    const svg = Plot.plot({
      document: document as unknown as Document,
      width: 380,
      height: 300,
      marginLeft: 50,
      marginRight: 30,
      grid: true,
      x: { type: 'log', label: measure === 'rows' ? 'CSV rows (log)' : 'pages built (log)' },
      y: { type: 'log', label: 'build time, s (log)' },
      marks: [
        Plot.line(line, { x: 'x', y: 'y', stroke: '#999', strokeDasharray: '4,3' }),
        Plot.dot(data, { x: 'x', y: 'y', r: 4, fill: '#c0392b' }),
        Plot.text(data, { x: 'x', y: 'y', text: 'preset', dy: -10, fontSize: 11 }),
      ],
    }) as unknown as Element;
    return svg.outerHTML.replace(/^<svg /, `<svg x="${measure === 'rows' ? 0 : 400}" y="30" `);
  };
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="780" height="340" viewBox="0 0 780 340" ' +
    'font-family="system-ui, sans-serif">' +
    `<rect width="780" height="340" fill="white"/>` +
    '<text x="10" y="20" font-size="14" font-weight="bold">' +
    'Build time against data rows and pages (dashed: proportional growth through province)</text>' +
    panel('rows') +
    panel('pages') +
    `</svg>\n`;
  await writeFile(file, svg.replace(/<svg (?!xmlns)/g, '<svg xmlns="http://www.w3.org/2000/svg" '));
  return true;
}
