// One accent folding for units, keys and deadlines: composed, decomposed and odd-mark spellings meet.

import { describe, expect, it } from 'vitest';
import { fold, foldWord } from '../../server/src/engine/data/text-fold';
import { parseDeadline } from '../../server/src/engine/data/deadline';

describe('fold', () => {
  it.each([
    ['Sở Nội vụ', 'so noi vu'],
    ['SỞ  NỘI\u00a0VỤ ', 'so noi vu'],
    ['Sở Nội vụ'.normalize('NFD'), 'so noi vu'],
    // ọ typed as o + combining dot below (U+0323), ả as a + hook above (U+0309)
    ['Ho\u0323c vie\u0302\u0323n ha\u0309i', 'hoc vien hai'],
    ['Đắk Lắk', 'dak lak'],
  ])('%j → %j', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });

  it('folds words as whole texts are folded, and deadlines read decomposed text', () => {
    for (const word of ['Quý', 'THÁNG', 'Đầu', 'cuo\u0302\u0301i']) {
      expect(foldWord(word)).toBe(fold(word));
    }
    expect(parseDeadline('qu\u00fd IV/2023'.normalize('NFD'), {}).kind).toBe('interval');
    expect(parseDeadline('6 tha\u0301ng cuo\u0302\u0301i na\u0306m 2023', {})).toMatchObject({ kind: 'interval', start: '2023-07-01', end: '2023-12-31' });
  });
});
