import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  parseDeadline,
  deadlineSuggestions,
  quarterOf,
  type DeadlineMeaning,
  type DeadlinePrecision,
  type RecurringPeriod,
  type DeadlineProblem,
} from '../../server/src/engine/data/deadline';
import { measuredTwiceIfSlow, timed } from '../support/timing';

// --- expected-value builders ------------------------------------------------------------------

const iv = (
  start: string | null,
  end: string,
  precision: DeadlinePrecision,
  normalized: string,
  yearImplied = false,
): DeadlineMeaning => ({ kind: 'interval', start, end, precision, yearImplied, normalized });

const rec = (period: RecurringPeriod, normalized: string, within?: [string, string]): DeadlineMeaning =>
  within
    ? { kind: 'recurring', period, normalized, within: { start: within[0], end: within[1] } }
    : { kind: 'recurring', period, normalized };

const bad = (problem: DeadlineProblem, span?: { start: number; end: number }): DeadlineMeaning =>
  span ? { kind: 'invalid', problem, span } : { kind: 'invalid', problem };

/** Span of the first occurrence of `part` in `text`. */
const at = (text: string, part: string): { start: number; end: number } => {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`${part} not in ${text}`);
  return { start, end: start + part.length };
};

const YEAR_2023 = iv('2023-01-01', '2023-12-31', 'year', 'Năm 2023');
const Q1_2023 = iv('2023-01-01', '2023-03-31', 'quarter', 'Quý I/2023');
const Q4_2023 = iv('2023-10-01', '2023-12-31', 'quarter', 'Quý IV/2023');
const DEC_2023 = iv('2023-12-01', '2023-12-31', 'month', 'Tháng 12/2023');
const BY_15_DEC = iv(null, '2023-12-15', 'day', 'Trước 15/12/2023');
const BY_1_SEP = iv(null, '2023-09-01', 'day', 'Trước 1/9/2023');
const BY_END_2023 = iv(null, '2023-12-31', 'year', 'Đến hết năm 2023');
const DAY_15_DEC = iv('2023-12-15', '2023-12-15', 'day', '15/12/2023');
const H1_2023 = iv('2023-01-01', '2023-06-30', 'half', '6 tháng đầu năm 2023');
const H2_2023 = iv('2023-07-01', '2023-12-31', 'half', '6 tháng cuối năm 2023');
const MAR_JUN = iv('2023-03-01', '2023-06-30', 'range', 'Từ tháng 3 đến tháng 6/2023');
const JUN_SEP = iv('2023-06-01', '2023-09-30', 'range', 'Từ tháng 6 đến tháng 9/2023');
const Q3_Q4 = iv('2023-07-01', '2023-12-31', 'range', 'Từ quý III đến quý IV/2023');
const Q1_Q2 = iv('2023-01-01', '2023-06-30', 'range', 'Từ quý I đến quý II/2023');
const CONTINUOUS = rec('continuous', 'Thường xuyên');

type Row = [input: string, planYear: number | undefined, expected: DeadlineMeaning];

// --- valid phrasings ------------------------------------------------------------------------

const fromRealPlan: Row[] = [
  ['Năm 2023', undefined, YEAR_2023],
  ['Quý IV/2023', undefined, Q4_2023],
  ['Tháng 12/2023', undefined, DEC_2023],
  ['tháng 12/2023', undefined, DEC_2023],
  ['Trước 15/12/2023', undefined, BY_15_DEC],
  ['Thường xuyên', undefined, CONTINUOUS],
];

const alsoAccepted: Row[] = [
  // quarters
  ['quý 4 năm 2023', undefined, Q4_2023],
  ['Quý 4/2023', undefined, Q4_2023],
  ['quý IV năm 2023', undefined, Q4_2023],
  ['Quý IV, năm 2023', undefined, Q4_2023],
  ['Quý IV 2023', undefined, Q4_2023],
  ['Quý tư năm 2023', undefined, Q4_2023],
  ['Quý I', 2023, iv('2023-01-01', '2023-03-31', 'quarter', 'Quý I/2023', true)],
  ['Quý II/2024', 2023, iv('2024-04-01', '2024-06-30', 'quarter', 'Quý II/2024')],
  ['Trong quý IV/2023', undefined, Q4_2023],
  // months
  ['tháng 12 năm 2023', undefined, DEC_2023],
  ['Tháng 12', 2023, iv('2023-12-01', '2023-12-31', 'month', 'Tháng 12/2023', true)],
  ['Tháng 02/2024', undefined, iv('2024-02-01', '2024-02-29', 'month', 'Tháng 2/2024')],
  ['Tháng 2/2023', undefined, iv('2023-02-01', '2023-02-28', 'month', 'Tháng 2/2023')],
  ['12/2023', undefined, DEC_2023],
  // by a day
  ['trước ngày 1/9/2023', undefined, BY_1_SEP],
  ['Trước ngày 01/09/2023', undefined, BY_1_SEP],
  ['trước 31/12', 2023, iv(null, '2023-12-31', 'day', 'Trước 31/12/2023', true)],
  ['Trước 30/6/2023', undefined, iv(null, '2023-06-30', 'day', 'Trước 30/6/2023')],
  ['Trước ngày 15 tháng 12 năm 2023', undefined, BY_15_DEC],
  ['Chậm nhất ngày 15/12/2023', undefined, BY_15_DEC],
  ['Đến ngày 15/12/2023', undefined, BY_15_DEC],
  ['Đến hết ngày 15/12/2023', undefined, BY_15_DEC],
  ['Hoàn thành trước 15/12/2023', undefined, BY_15_DEC],
  ['Trước 29/2/2024', undefined, iv(null, '2024-02-29', 'day', 'Trước 29/2/2024')],
  // one day
  ['15/12/2023', undefined, DAY_15_DEC],
  ['ngày 15/12/2023', undefined, DAY_15_DEC],
  ['15-12-2023', undefined, DAY_15_DEC],
  ['15.12.2023', undefined, DAY_15_DEC],
  ['2023-12-15', undefined, DAY_15_DEC],
  ['29/2/2024', undefined, iv('2024-02-29', '2024-02-29', 'day', '29/2/2024')],
  ['29/2/2000', undefined, iv('2000-02-29', '2000-02-29', 'day', '29/2/2000')],
  ['1/1', 2024, iv('2024-01-01', '2024-01-01', 'day', '1/1/2024', true)],
  // halves
  ['6 tháng đầu năm 2023', undefined, H1_2023],
  ['6 tháng cuối năm 2023', undefined, H2_2023],
  ['6 tháng đầu năm', 2023, iv('2023-01-01', '2023-06-30', 'half', '6 tháng đầu năm 2023', true)],
  // years
  ['Trong năm 2023', undefined, YEAR_2023],
  ['Cả năm 2023', undefined, YEAR_2023],
  ['Trong cả năm 2023', undefined, YEAR_2023],
  ['2023', undefined, YEAR_2023],
  ['Trong năm', 2023, iv('2023-01-01', '2023-12-31', 'year', 'Năm 2023', true)],
  ['Cả năm', 2024, iv('2024-01-01', '2024-12-31', 'year', 'Năm 2024', true)],
  // by the end of a period
  ['Đến hết năm 2023', undefined, BY_END_2023],
  ['Cuối năm 2023', undefined, BY_END_2023],
  ['Đến cuối năm 2023', undefined, BY_END_2023],
  ['Từ nay đến hết năm 2023', undefined, BY_END_2023],
  ['Cuối năm', 2023, iv(null, '2023-12-31', 'year', 'Đến hết năm 2023', true)],
  ['Đến hết quý II/2023', undefined, iv(null, '2023-06-30', 'quarter', 'Đến hết quý II/2023')],
  ['Cuối tháng 6/2023', undefined, iv(null, '2023-06-30', 'month', 'Đến hết tháng 6/2023')],
  // ranges and lists
  ['Từ tháng 3 đến tháng 6/2023', undefined, MAR_JUN],
  ['Tháng 3 đến tháng 6 năm 2023', undefined, MAR_JUN],
  ['Từ tháng 3/2023 đến tháng 6/2023', undefined, MAR_JUN],
  ['Từ tháng 3 đến hết tháng 6/2023', undefined, MAR_JUN],
  ['Tháng 6 - 9/2023', undefined, JUN_SEP],
  ['Tháng 6-9/2023', undefined, JUN_SEP],
  ['Quý III - IV/2023', undefined, Q3_Q4],
  ['Từ quý III đến quý IV năm 2023', undefined, Q3_Q4],
  ['Quý I, II/2023', undefined, Q1_Q2],
  ['Quý I và II/2023', undefined, Q1_Q2],
  ['Quý I, II, III/2023', undefined, iv('2023-01-01', '2023-09-30', 'range', 'Từ quý I đến quý III/2023')],
  ['Tháng 6, 7/2023', undefined, iv('2023-06-01', '2023-07-31', 'range', 'Từ tháng 6 đến tháng 7/2023')],
  ['Tháng 3 - 6', 2023, iv('2023-03-01', '2023-06-30', 'range', 'Từ tháng 3 đến tháng 6/2023', true)],
  [
    'Quý IV/2023 - Quý I/2024',
    undefined,
    iv('2023-10-01', '2024-03-31', 'range', 'Từ quý IV/2023 đến quý I/2024'),
  ],
  [
    'Tháng 11/2023 - 2/2024',
    undefined,
    iv('2023-11-01', '2024-02-29', 'range', 'Từ tháng 11/2023 đến tháng 2/2024'),
  ],
  ['Từ năm 2023 đến năm 2025', undefined, iv('2023-01-01', '2025-12-31', 'range', 'Từ năm 2023 đến năm 2025')],
  ['2023 - 2025', undefined, iv('2023-01-01', '2025-12-31', 'range', 'Từ năm 2023 đến năm 2025')],
  [
    'Từ ngày 1/3/2023 đến ngày 30/6/2023',
    undefined,
    iv('2023-03-01', '2023-06-30', 'range', 'Từ 1/3/2023 đến 30/6/2023'),
  ],
  ['1/3 - 30/6/2023', undefined, iv('2023-03-01', '2023-06-30', 'range', 'Từ 1/3/2023 đến 30/6/2023')],
  [
    'Từ tháng 10/2023 đến quý I/2024',
    undefined,
    iv('2023-10-01', '2024-03-31', 'range', 'Từ tháng 10/2023 đến quý I/2024'),
  ],
  // recurring
  ['Hằng năm', undefined, rec('yearly', 'Hằng năm')],
  ['Hàng năm', undefined, rec('yearly', 'Hằng năm')],
  ['Định kỳ hằng năm', undefined, rec('yearly', 'Hằng năm')],
  ['Hằng quý', undefined, rec('quarterly', 'Hằng quý')],
  ['Mỗi quý một lần', undefined, rec('quarterly', 'Hằng quý')],
  ['Hàng tháng', undefined, rec('monthly', 'Hằng tháng')],
  ['Hằng tháng', undefined, rec('monthly', 'Hằng tháng')],
  ['Hằng tuần', undefined, rec('weekly', 'Hằng tuần')],
  ['Định kỳ 6 tháng', undefined, rec('half-yearly', 'Định kỳ 6 tháng')],
  ['6 tháng một lần', undefined, rec('half-yearly', 'Định kỳ 6 tháng')],
  ['6 tháng/lần', undefined, rec('half-yearly', 'Định kỳ 6 tháng')],
  ['Hằng 6 tháng', undefined, rec('half-yearly', 'Định kỳ 6 tháng')],
  ['Thường xuyên, liên tục', undefined, CONTINUOUS],
  ['Liên tục', undefined, CONTINUOUS],
  ['Thường xuyên', 2023, CONTINUOUS],
  [
    'Thường xuyên trong năm 2023',
    undefined,
    rec('continuous', 'Thường xuyên trong năm 2023', ['2023-01-01', '2023-12-31']),
  ],
  [
    'Thường xuyên, năm 2023',
    undefined,
    rec('continuous', 'Thường xuyên trong năm 2023', ['2023-01-01', '2023-12-31']),
  ],
  [
    'Thường xuyên trong năm',
    2023,
    rec('continuous', 'Thường xuyên trong năm 2023', ['2023-01-01', '2023-12-31']),
  ],
  [
    'Thường xuyên trong quý IV/2023',
    undefined,
    rec('continuous', 'Thường xuyên trong quý IV/2023', ['2023-10-01', '2023-12-31']),
  ],
  [
    'Hằng quý trong năm 2023',
    undefined,
    rec('quarterly', 'Hằng quý trong năm 2023', ['2023-01-01', '2023-12-31']),
  ],
  [
    'Hằng tháng từ tháng 3 đến tháng 6/2023',
    undefined,
    rec('monthly', 'Hằng tháng từ tháng 3 đến tháng 6/2023', ['2023-03-01', '2023-06-30']),
  ],
];

const spellingVariants: Row[] = [
  // no diacritics, other case
  ['Quy IV/2023', undefined, Q4_2023],
  ['QUÝ IV/2023', undefined, Q4_2023],
  ['quy iv nam 2023', undefined, Q4_2023],
  ['thuong xuyen', undefined, CONTINUOUS],
  ['THƯỜNG XUYÊN', undefined, CONTINUOUS],
  ['TRƯỚC 15/12/2023', undefined, BY_15_DEC],
  ['truoc ngay 1/9/2023', undefined, BY_1_SEP],
  ['Hang nam', undefined, rec('yearly', 'Hằng năm')],
  ['Tu thang 3 den thang 6/2023', undefined, MAR_JUN],
  ['6 thang dau nam 2023', undefined, H1_2023],
  ['Den het nam 2023', undefined, BY_END_2023],
  // decomposed (NFD) input
  ['Quý IV/2023'.normalize('NFD'), undefined, Q4_2023],
  ['Thường xuyên'.normalize('NFD'), undefined, CONTINUOUS],
  // spaces
  ['  Quý   IV /  2023  ', undefined, Q4_2023],
  ['Năm\u00a02023', undefined, YEAR_2023],
  ['\tTrước  15 / 12 / 2023\n', undefined, BY_15_DEC],
  ['Thường\n xuyên', undefined, CONTINUOUS],
  // dashes
  ['Tháng 6 – 9/2023', undefined, JUN_SEP],
  ['Tháng 6—9/2023', undefined, JUN_SEP],
  ['Quý III — IV/2023', undefined, Q3_Q4],
  ['Quý III − IV/2023', undefined, Q3_Q4],
  // trailing period
  ['Năm 2023.', undefined, YEAR_2023],
  ['Thường xuyên.', undefined, CONTINUOUS],
  ['Trước 15/12/2023.', undefined, BY_15_DEC],
  ['15.12.2023.', undefined, DAY_15_DEC],
];

// --- problems -------------------------------------------------------------------------------

const problems: Row[] = [
  ['', undefined, bad('empty')],
  ['   \t\n ', undefined, bad('empty')],
  ['\u00a0\u200b', 2023, bad('empty')],
  ['asap', undefined, bad('unrecognized')],
  ['sớm', undefined, bad('unrecognized')],
  ['ASAP', 2023, bad('unrecognized')],
  ['.', undefined, bad('unrecognized')],
  ['-', undefined, bad('unrecognized')],
  ['Quý IV/2023 (dự kiến)', undefined, bad('unrecognized')],
  ['Năm 2023 abc', undefined, bad('unrecognized')],
  ['Quý IV', undefined, bad('unrecognized')], // no year and no planYear
  ['Tháng 12', undefined, bad('unrecognized')],
  ['trước 31/12', undefined, bad('unrecognized')],
  ['Trước quý IV/2023', undefined, bad('unrecognized')], // ambiguous: before Q4 starts, or by its end?
  ['Đến tháng 12/2023', undefined, bad('unrecognized')],
  ['Thường xuyên trong 15/12/2023', undefined, bad('unrecognized')],
  ['Thường xuyên trước 15/12/2023', undefined, bad('unrecognized')],
  ['Từ tháng 3', 2023, bad('unrecognized')],
  ['Quý I - II - III/2023', undefined, bad('unrecognized')],
  ['9 tháng đầu năm 2023', undefined, bad('unrecognized')],
  ['31/2/2023', undefined, bad('bad-date', { start: 0, end: 4 })],
  ['Trước 31/2/2023', undefined, bad('bad-date', at('Trước 31/2/2023', '31/2'))],
  ['29/2/2023', undefined, bad('bad-date', { start: 0, end: 4 })],
  ['Trước 29/2', 2023, bad('bad-date', at('Trước 29/2', '29/2'))],
  ['32/12/2023', undefined, bad('bad-date', { start: 0, end: 5 })],
  ['0/12/2023', undefined, bad('bad-date', { start: 0, end: 4 })],
  ['15/13/2023', undefined, bad('bad-date', { start: 0, end: 5 })],
  ['Trước 31/4/2023', undefined, bad('bad-date', at('Trước 31/4/2023', '31/4'))],
  ['15/12/23', undefined, bad('bad-date', at('15/12/23', '23'))], // two-digit year
  ['Tháng 12/23', undefined, bad('bad-date', at('Tháng 12/23', '23'))],
  ['Năm 23', undefined, bad('bad-date', at('Năm 23', '23'))],
  ['Năm 0999', undefined, bad('bad-date', at('Năm 0999', '0999'))],
  ['Tháng 13/2023', undefined, bad('bad-month', at('Tháng 13/2023', '13'))],
  ['Tháng 0/2023', undefined, bad('bad-month', at('Tháng 0/2023', '0'))],
  ['13/2023', undefined, bad('bad-month', { start: 0, end: 2 })],
  ['Tháng 6 - 13/2023', undefined, bad('bad-month', at('Tháng 6 - 13/2023', '13'))],
  ['Quý V/2023', undefined, bad('bad-quarter', at('Quý V/2023', 'V'))],
  ['Quý 5/2023', undefined, bad('bad-quarter', at('Quý 5/2023', '5'))],
  ['Quý 0 năm 2023', undefined, bad('bad-quarter', at('Quý 0 năm 2023', '0'))],
  ['Quý III - VI/2023', undefined, bad('bad-quarter', at('Quý III - VI/2023', 'VI'))],
  [
    'Từ tháng 9 đến tháng 3/2023',
    undefined,
    bad('bad-range', at('Từ tháng 9 đến tháng 3/2023', 'tháng 9 đến tháng 3/2023')),
  ],
  ['Quý IV - I/2023', undefined, bad('bad-range', at('Quý IV - I/2023', 'Quý IV - I/2023'))],
  ['Quý I, III/2023', undefined, bad('bad-range', at('Quý I, III/2023', 'Quý I, III/2023'))], // not contiguous
  ['Từ năm 2025 đến năm 2023', undefined, bad('bad-range', at('Từ năm 2025 đến năm 2023', 'năm 2025 đến năm 2023'))],
  ['Từ 30/6/2023 đến 1/3/2023', undefined, bad('bad-range', at('Từ 30/6/2023 đến 1/3/2023', '30/6/2023 đến 1/3/2023'))],
];

const validRows: Row[] = [...fromRealPlan, ...alsoAccepted, ...spellingVariants];

describe('parseDeadline', () => {
  describe.each([
    ['phrasings from a real plan', fromRealPlan],
    ['other accepted phrasings', alsoAccepted],
    ['spelling variants', spellingVariants],
    ['problems', problems],
  ] as const)('%s', (_name, rows) => {
    it.each(rows)('%j (planYear %s)', (input, planYear, expected) => {
      expect(parseDeadline(input, planYear === undefined ? undefined : { planYear })).toStrictEqual(expected);
    });
  });

  it('reads a YAML number as its text', () => {
    expect(parseDeadline(2023 as unknown as string)).toStrictEqual(YEAR_2023);
  });

  it('treats a non-string, non-number value as empty instead of throwing', () => {
    expect(parseDeadline(null as unknown as string)).toStrictEqual(bad('empty'));
    expect(parseDeadline(undefined as unknown as string, { planYear: 2023 })).toStrictEqual(bad('empty'));
    expect(parseDeadline({} as unknown as string)).toStrictEqual(bad('empty'));
  });

  it('ignores a planYear that is not a four-digit integer', () => {
    expect(parseDeadline('Quý I', { planYear: 2023.5 })).toStrictEqual(bad('unrecognized'));
    expect(parseDeadline('Quý I', { planYear: 23 })).toStrictEqual(bad('unrecognized'));
  });

  it('does not let planYear override a written year', () => {
    expect(parseDeadline('Năm 2022', { planYear: 2023 })).toStrictEqual(
      iv('2022-01-01', '2022-12-31', 'year', 'Năm 2022'),
    );
  });

  it('gives spans as offsets into the untrimmed text', () => {
    const text = '   Trước 31/2/2023';
    const result = parseDeadline(text);
    expect(result).toStrictEqual(bad('bad-date', { start: 9, end: 13 }));
    if (result.kind === 'invalid' && result.span) expect(text.slice(result.span.start, result.span.end)).toBe('31/2');
  });

  it('spans cover decomposed marks of the offending word', () => {
    const text = 'Từ tháng 9 đến tháng 3/2023'.normalize('NFD');
    const result = parseDeadline(text);
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') {
      expect(result.problem).toBe('bad-range');
      expect(text.slice(result.span!.start, result.span!.end).normalize('NFC')).toBe('tháng 9 đến tháng 3/2023');
    }
  });
});

// --- canonical forms ---------------------------------------------------------------------------

const CANONICAL: string[] = [
  'Năm 2023',
  'Quý IV/2023',
  'Quý I/2024',
  'Tháng 12/2023',
  'Tháng 3/2023',
  'Trước 15/12/2023',
  'Trước 1/9/2023',
  '15/12/2023',
  '6 tháng đầu năm 2023',
  '6 tháng cuối năm 2023',
  'Đến hết năm 2023',
  'Đến hết quý II/2023',
  'Đến hết tháng 6/2023',
  'Từ tháng 3 đến tháng 6/2023',
  'Từ quý III đến quý IV/2023',
  'Từ tháng 11/2023 đến tháng 2/2024',
  'Từ năm 2023 đến năm 2025',
  'Từ 1/3/2023 đến 30/6/2023',
  'Thường xuyên',
  'Thường xuyên trong năm 2023',
  'Hằng quý từ quý II đến quý IV/2023',
  'Hằng năm',
  'Định kỳ 6 tháng',
  'Hằng quý',
  'Hằng tháng',
  'Hằng tuần',
];

describe('normalisation', () => {
  it.each(CANONICAL)('%j is canonical: normalized === input', (text) => {
    const meaning = parseDeadline(text);
    expect(meaning.kind).not.toBe('invalid');
    if (meaning.kind !== 'invalid') expect(meaning.normalized).toBe(text);
  });

  it.each(CANONICAL)('%j with surrounding spaces normalises to the trimmed text', (text) => {
    const meaning = parseDeadline(`  ${text} \n`);
    expect(meaning.kind !== 'invalid' && meaning.normalized).toBe(text);
  });

  it.each(validRows)('round trip of %j (planYear %s)', (input, planYear) => {
    const meaning = parseDeadline(input, planYear === undefined ? undefined : { planYear });
    expect(meaning.kind).not.toBe('invalid');
    if (meaning.kind === 'invalid') return;
    // Parsed again without planYear: the normalised text carries its own year.
    const again = parseDeadline(meaning.normalized);
    if (meaning.kind === 'interval') expect(again).toStrictEqual({ ...meaning, yearImplied: false });
    else expect(again).toStrictEqual(meaning);
    // And it is a fixed point.
    expect(again.kind !== 'invalid' && again.normalized).toBe(meaning.normalized);
  });
});

// --- completion ------------------------------------------------------------------------------

describe('deadlineSuggestions', () => {
  const suggestions = deadlineSuggestions(2023);

  it('offers the common canonical forms for the year, year first', () => {
    expect(suggestions[0]).toBe('Năm 2023');
    expect(suggestions.slice(1, 5)).toStrictEqual(['Quý I/2023', 'Quý II/2023', 'Quý III/2023', 'Quý IV/2023']);
    for (const s of [
      'Trước 31/12/2023',
      'Thường xuyên',
      '6 tháng đầu năm 2023',
      '6 tháng cuối năm 2023',
      'Tháng 1/2023',
      'Tháng 12/2023',
      'Hằng năm',
      'Hằng quý',
      'Hằng tháng',
    ]) {
      expect(suggestions).toContain(s);
    }
    expect(suggestions.filter((s) => s.startsWith('Tháng '))).toHaveLength(12);
  });

  it('has no duplicates', () => {
    expect(new Set(suggestions).size).toBe(suggestions.length);
  });

  it.each(suggestions)('suggestion %j parses, is canonical, and mentions no other year', (s) => {
    const meaning = parseDeadline(s);
    expect(meaning.kind).not.toBe('invalid');
    if (meaning.kind !== 'invalid') expect(meaning.normalized).toBe(s);
    if (meaning.kind === 'interval') {
      expect(meaning.end.startsWith('2023-')).toBe(true);
      if (meaning.start !== null) expect(meaning.start.startsWith('2023-')).toBe(true);
    }
  });

  it('follows the year it is given', () => {
    expect(deadlineSuggestions(2025)).toContain('Quý IV/2025');
    expect(deadlineSuggestions(2025)).not.toContain('Quý IV/2023');
  });

  it('offers only recurring phrases for a year that is not a four-digit integer', () => {
    for (const year of [NaN, 23, 2023.5, 12345]) {
      const list = deadlineSuggestions(year);
      expect(list).toContain('Thường xuyên');
      for (const s of list) expect(parseDeadline(s).kind).toBe('recurring');
    }
  });
});

// --- quarterOf ---------------------------------------------------------------------------------

describe('quarterOf', () => {
  it.each([
    ['2023-01-01', 1],
    ['2023-02-28', 1],
    ['2023-03-31', 1],
    ['2023-04-01', 2],
    ['2023-06-30', 2],
    ['2023-07-01', 3],
    ['2023-09-30', 3],
    ['2023-10-01', 4],
    ['2023-12-31', 4],
    ['2024-02-29', 1],
  ] as const)('%s is in quarter %i', (date, q) => {
    expect(quarterOf(date)).toBe(q);
  });

  it('agrees with parseDeadline on quarter bounds', () => {
    for (const q of ['I', 'II', 'III', 'IV']) {
      const meaning = parseDeadline(`Quý ${q}/2023`);
      if (meaning.kind !== 'interval' || meaning.start === null) throw new Error('expected a closed interval');
      expect(quarterOf(meaning.start)).toBe(quarterOf(meaning.end));
      expect(['I', 'II', 'III', 'IV'][quarterOf(meaning.start) - 1]).toBe(q);
    }
  });

  it('throws RangeError on text that is not an ISO date', () => {
    expect(() => quarterOf('15/12/2023')).toThrow(RangeError);
    expect(() => quarterOf('2023-13-01')).toThrow(RangeError);
    expect(() => quarterOf('')).toThrow(RangeError);
  });
});

// --- robustness -----------------------------------------------------------------------------

describe('robustness', () => {
  const MB = 1 << 20;
  const huge: [string, string, DeadlineMeaning][] = [
    ['letters', 'a'.repeat(MB), bad('unrecognized')],
    ['repeated quarters', 'Quý '.repeat(MB / 4), bad('unrecognized')],
    ['repeated date pieces', '1/'.repeat(MB / 2), bad('unrecognized')],
    ['digits', '9'.repeat(MB), bad('unrecognized')],
    ['dashes and commas', '-,'.repeat(MB / 2), bad('unrecognized')],
    ['combining marks', '\u0301'.repeat(MB), bad('unrecognized')],
    ['spaces', ' '.repeat(MB), bad('empty')],
    ['spaces around a deadline', ' '.repeat(MB / 2) + 'Năm 2023' + ' '.repeat(MB / 2), YEAR_2023],
  ];

  it.each(huge)('1 MB of %s returns quickly', (_name, text, expected) => {
    const { value: result, ms: elapsed } = measuredTwiceIfSlow(() => timed(() => parseDeadline(text)), 250);
    expect(result).toStrictEqual(expected);
    expect(elapsed).toBeLessThan(250);
  });

  it('handles the longest accepted input with many tokens quickly', () => {
    const text = 'Quý I, '.repeat(42).slice(0, 290);
    const { ms } = measuredTwiceIfSlow(() => timed(() => {
      for (let i = 0; i < 100; i++) parseDeadline(text, { planYear: 2023 });
    }), 250);
    expect(ms).toBeLessThan(250);
    expect(parseDeadline(text, { planYear: 2023 }).kind).toBe('invalid');
  });

  it('never throws on arbitrary text, and valid results are well-formed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.option(fc.integer({ min: 1, max: 3000 })), (text, year) => {
        const meaning = parseDeadline(text, year === null ? undefined : { planYear: year });
        checkWellFormed(meaning, text);
      }),
      { numRuns: 2000 },
    );
  });

  const VOCAB = [
    'Năm', 'năm', 'Quý', 'quý', 'Tháng', 'tháng', 'Trước', 'ngày', 'Từ', 'đến', 'hết', 'Cuối', 'đầu', 'cuối',
    'Trong', 'Cả', 'Thường', 'xuyên', 'Hằng', 'Hàng', 'và', 'I', 'II', 'III', 'IV', 'V', 'tư',
    '/', '-', '–', ',', '.', ' ', '6', '1', '3', '9', '12', '13', '15', '29', '31', '2', '0',
    '2023', '2024', '23', '0999',
  ];

  it('never throws on jumbled deadline vocabulary; valid results round-trip', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...VOCAB), { maxLength: 9 }),
        fc.option(fc.constantFrom(2023, 2024)),
        (words, year) => {
          const text = words.join(' ');
          const meaning = parseDeadline(text, year === null ? undefined : { planYear: year });
          checkWellFormed(meaning, text);
          if (meaning.kind !== 'invalid') {
            const again = parseDeadline(meaning.normalized);
            if (meaning.kind === 'interval') expect(again).toStrictEqual({ ...meaning, yearImplied: false });
            else expect(again).toStrictEqual(meaning);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function checkWellFormed(meaning: DeadlineMeaning, text: string): void {
  if (meaning.kind === 'interval') {
    expect(meaning.end).toMatch(ISO);
    if (meaning.start !== null) {
      expect(meaning.start).toMatch(ISO);
      expect(meaning.start <= meaning.end).toBe(true);
    }
    expect(meaning.normalized.length).toBeGreaterThan(0);
  } else if (meaning.kind === 'recurring') {
    if (meaning.within) expect(meaning.within.start <= meaning.within.end).toBe(true);
  } else if (meaning.span) {
    expect(meaning.span.start).toBeGreaterThanOrEqual(0);
    expect(meaning.span.end).toBeGreaterThan(meaning.span.start);
    expect(meaning.span.end).toBeLessThanOrEqual(text.length);
  }
}
