// Vietnamese-aware text folding: what lets "so noi vu", "SỞ NỘI VỤ" and "Sở Nội vụ" meet.

// Every combining mark, not only U+0300–U+036F: Vietnamese typed with combining dots or hooks
// (U+0323, U+0309) and stray marks from other keyboards fold alike.
const MARKS = /\p{M}/gu;

/** Fold one word (no whitespace inside): lowercase, no diacritics, đ → d. For matching, never for display. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/[đð]/g, 'd');
}

/** Folds each word (foldWord) and collapses whitespace. */
export function fold(text: string): string {
  return foldWord(text).replace(/\s+/g, ' ').trim();
}

// Old and new tone placement are the same spelling ("hoá" = "hóa", "thuỷ" = "thủy"); never flag that.
const TONE_PLACEMENT: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
const TONE_PLACEMENT_RE = new RegExp(Object.keys(TONE_PLACEMENT).join('|'), 'gi');

/** NFC with one tone placement, so two correct spellings of a word compare equal. */
export function canonicalSpelling(word: string): string {
  return word.normalize('NFC').replace(TONE_PLACEMENT_RE, (m) => {
    const lower = m.toLowerCase();
    const replaced = TONE_PLACEMENT[lower] ?? m;
    return m === lower ? replaced : replaced[0].toUpperCase() + replaced.slice(1);
  });
}

export function hasDiacritics(word: string): boolean {
  return foldWord(word) !== word.toLowerCase();
}

/** Levenshtein distance with an early exit once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
