// Text helpers of the Word import and export: decoding, spacing, case, parentheses and words.



/** Text of a .txt file (or an XML part): UTF-8, or UTF-16 with a byte-order mark (Word's "Unicode text"). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

const SPACE_RUN = /[\s\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000\ufeff]+/g;

/** Collapses whitespace runs (TAB, NBSP, ...) to one space and trims. */
export function normalizeSpace(s: string): string {
  return s.replace(SPACE_RUN, ' ').trim();
}

export function lowerVi(s: string): string {
  return s.toLocaleLowerCase('vi');
}

export function sameName(a: string, b: string): boolean {
  const k = (s: string) => lowerVi(normalizeSpace(s)).replace(/[\s.;:,]+$/u, '');
  return k(a) === k(b);
}

export function quote(s: string): string {
  return `«${s}»`;
}

function capitalizeFirst(s: string): string {
  return s.length ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s;
}

export function titleCaseWords(s: string): string {
  return lowerVi(s)
    .split(' ')
    .map((w) => capitalizeFirst(w))
    .join(' ');
}

const LETTER_BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}])';
const LETTER_BOUNDARY_AFTER = '(?![\\p{L}\\p{N}])';

/** Fixed spellings restored after sentence-casing a title written in capitals. */
const TITLE_SPELLINGS: string[] = [
  'Chỉ số PAR Index',
  'Chỉ số CCHC',
  'PAR Index',
  'PAR',
  'CCHC',
  'UBND',
  'HĐND',
  'SIPAS',
  'PAPI',
  'PCI',
  'TTHC',
  'KT-XH',
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function replaceWord(text: string, lowerForm: string, spelled: string): string {
  const re = new RegExp(LETTER_BOUNDARY_BEFORE + escapeRegExp(lowerForm) + LETTER_BOUNDARY_AFTER, 'gu');
  return text.replace(re, spelled);
}

/** "NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN CHỈ SỐ PAR INDEX NĂM 2023" -> "Nhiệm vụ, giải pháp thực hiện Chỉ số PAR Index năm 2023". */
export function sentenceCaseTitle(upper: string, placeName?: string): string {
  let t = capitalizeFirst(lowerVi(normalizeSpace(upper)));
  for (const spelled of TITLE_SPELLINGS) {
    t = replaceWord(t, lowerVi(spelled), spelled);
  }
  if (placeName) t = replaceWord(t, lowerVi(placeName), placeName);
  return capitalizeFirst(t);
}

export function isUpperCaseLine(s: string): boolean {
  const letters = s.match(/\p{L}/gu) ?? [];
  if (letters.length < 4) return false;
  return s === s.toLocaleUpperCase('vi') && /\p{Lu}/u.test(s);
}

/** Index of the ")" matching the "(" at `open`, or -1. */
export function matchingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Removes one pair of parentheses when it encloses the whole text. */
export function stripEnclosingParens(s: string): string {
  const t = s.trim();
  if (t.startsWith('(') && matchingParen(t, 0) === t.length - 1) return t.slice(1, -1).trim();
  return t;
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => w.length > 0).length;
}

/** Where the written name ends, searching from `from`: see the rules at the top of the file. */
export function nameBoundary(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\n' && depth === 0) return i;
    if (c === '(') {
      if (depth === 0) {
        const close = matchingParen(s, i);
        if (close < 0 || wordCount(s.slice(i + 1, close)) >= 3) return i;
      }
      depth++;
    } else if (c === ')') {
      if (depth > 0) depth--;
    } else if (c === ':' && depth === 0 && (i + 1 === s.length || /\s/.test(s[i + 1]))) {
      return i;
    }
  }
  return -1;
}
