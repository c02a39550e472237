/** Presentation helpers for the CLI: aligned tables and CSV. */

/** Display width ignoring combining marks (tashkeel) so Arabic columns line up. */
function width(s: string): number {
  return s.replace(/[\u064B-\u065F\u0670\u0300-\u036F]/g, '').length;
}

function clip(s: string, max: number): string {
  return width(s) <= max ? s : s.slice(0, max - 1) + '…';
}

export function table(header: string[], rows: string[][], maxWidth = 48): string {
  const cells = [header, ...rows].map((r) => r.map((c) => clip(c.replace(/\s+/g, ' '), maxWidth)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  return cells.map((r) => r.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ').trimEnd()).join('\n') + '\n';
}

export function csvField(value: unknown): string {
  const s = value == null ? '' : Array.isArray(value) ? value.join(';') : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}
