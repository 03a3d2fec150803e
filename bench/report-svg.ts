/** The bar chart of competitor ÷ ours ratios (docs/benchmarks.svg). */
import type { Bar } from './report-workloads';

export function svg(bars: Bar[]): string {
  const width = 900;
  const labelW = 500;
  const rowH = 22;
  const top = 50;
  const max = Math.max(2, ...bars.map((b) => Math.min(b.ratio, 20)));
  const scale = (width - labelW - 80) / max;
  const height = top + bars.length * rowH + 40;
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="15" font-weight="bold">Competitor ÷ nx-dockerize (median; &gt;1× = competitor slower or bigger)</text>`,
    `<text x="10" y="38" fill="#555">per workload and scenario; seconds; n and the floors are in docs/BENCHMARKS.md</text>`,
  ];
  const x1 = labelW + scale * 1;
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    const shown = Math.min(b.ratio, 20);
    const color = b.ratio < 0.95 ? '#d9534f' : b.ratio <= 1.05 ? '#999' : '#2e7d32';
    parts.push(`<text x="${labelW - 6}" y="${y + 15}" text-anchor="end">${esc(b.label)}</text>`);
    parts.push(
      `<rect x="${labelW}" y="${y + 4}" width="${Math.max(1, shown * scale).toFixed(1)}" height="${rowH - 8}" fill="${color}"/>`,
    );
    parts.push(
      `<text x="${labelW + shown * scale + 4}" y="${y + 15}">${b.ratio.toFixed(2)}×${b.ratio > 20 ? ' (clipped)' : ''}</text>`,
    );
  });
  parts.push(
    `<line x1="${x1}" y1="${top - 4}" x2="${x1}" y2="${top + bars.length * rowH}" stroke="#000" stroke-dasharray="4 3"/>`,
  );
  parts.push(`<text x="${x1}" y="${top + bars.length * rowH + 16}" text-anchor="middle">1× (parity)</text>`);
  if (bars.length === 0) parts.push(`<text x="10" y="${top + 15}">no ratios measured yet</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
