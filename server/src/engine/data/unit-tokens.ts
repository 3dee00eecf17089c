// Tokens of a unit cell. Commas, dashes, dots and brackets only separate words here: unit names
// are matched on their words, so "Sở Lao động – Thương binh" and "Sở Lao động, Thương binh" meet.

import { foldWord } from './text-fold';

export interface UnitToken {
  kind: 'word' | 'semicolon' | 'colon';
  /** Folded form ("&" folds to "va", the word it stands for). */
  folded: string;
  /** The word as written. */
  text: string;
  start: number;
  end: number;
  /** A comma stands between this token and the previous one. */
  commaBefore: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function tokenizeUnitText(text: string): UnitToken[] {
  const tokens: UnitToken[] = [];
  let comma = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (WORD_CHAR.test(ch)) {
      let j = i + 1;
      while (j < text.length && WORD_CHAR.test(text[j])) j++;
      const word = text.slice(i, j);
      tokens.push({ kind: 'word', folded: foldWord(word), text: word, start: i, end: j, commaBefore: comma });
      comma = false;
      i = j;
      continue;
    }
    if (ch === '&') {
      tokens.push({ kind: 'word', folded: 'va', text: ch, start: i, end: i + 1, commaBefore: comma });
      comma = false;
    } else if (ch === ';' || ch === ':') {
      tokens.push({ kind: ch === ';' ? 'semicolon' : 'colon', folded: ch, text: ch, start: i, end: i + 1, commaBefore: comma });
      comma = false;
    } else if (ch === ',') {
      comma = true;
    }
    i++;
  }
  return tokens;
}
