// Characters that text pasted from Word brings along: non-breaking spaces, invisible (zero-width)
// characters, curly quotes around a whole value, and bullets before a unit name.

export type PastedKind = 'nbsp' | 'zero-width' | 'curly-quotes' | 'bullet';

export const NBSP = /[\u00A0\u2007\u202F]/;
export const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF]/;
const INVISIBLE = /[\u00A0\u2007\u202F\u200B\u200C\u200D\u2060\uFEFF]+/g;

/** The text inside curly quotes that wrap the whole value (“Quý IV/2026”, ‘…’), else undefined. */
export function curlyQuoted(text: string): string | undefined {
  const m = /^\s*(?:“([^“”]*)”|‘([^‘’]*)’)\s*$/.exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Runs of non-breaking or invisible characters: offsets into `text`. */
export function invisibleRuns(text: string): { start: number; end: number; kind: 'nbsp' | 'zero-width' }[] {
  const runs: { start: number; end: number; kind: 'nbsp' | 'zero-width' }[] = [];
  for (const m of text.matchAll(INVISIBLE)) {
    runs.push({ start: m.index!, end: m.index! + m[0].length, kind: NBSP.test(m[0]) ? 'nbsp' : 'zero-width' });
  }
  return runs;
}

// A bullet at the start of a unit entry or after a semicolon: "• Sở Nội vụ", "- Sở Tư pháp" in "A; - B".
const BULLET = /(^|;)(\s*)([•●▪◦‣∙·–—+*]|-(?=\s))\s+/g;

/** Bullets (with the spaces after them) before unit names in one unit cell: offsets into `text`. */
export function bulletsIn(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const m of text.matchAll(BULLET)) {
    const start = m.index! + m[1].length + m[2].length;
    found.push({ start, end: m.index! + m[0].length });
  }
  return found;
}

/** The text as it should print: ordinary spaces, no invisible characters, no curly quotes around the whole value. */
export function withoutPastedCharacters(text: string): string {
  const plain = text.replace(/[\u00A0\u2007\u202F]/g, ' ').replace(/[\u200B\u200C\u200D\u2060\uFEFF]/g, '');
  return curlyQuoted(plain) ?? plain;
}

/** A unit name without the bullet Word put before it ("• Sở Nội vụ" → "Sở Nội vụ"). */
export function withoutBullet(name: string): string {
  return name.replace(/^\s*([•●▪◦‣∙·–—+*]|-(?=\s))\s+/, '');
}
