// The deadline grammar: what a plan's "thời hạn" cell means.
//
// Pure and total: `parseDeadline` never throws, does no I/O and runs in time linear in the
// input (inputs longer than MAX_DEADLINE_LENGTH characters after trimming are rejected up front, before
// any per-character work; the tokenizer is a single pass and the grammar is a small recursive
// descent over at most a few dozen tokens).
//
// Input is folded before matching: case-insensitive, with or without Vietnamese diacritics
// (NFC or NFD), any run of Unicode spaces is one space, en/em/minus dashes are "-", fullwidth
// slash/comma are "/" and ",", trailing periods are ignored. Offsets in `span` always refer to
// the original `text` (UTF-16, half-open [start, end), like OffsetRange).
//
// Canonical spellings (`normalized`) — the forms the "normalise deadline" quick-fix writes:
//
//   Năm 2023                         whole year                       precision 'year'
//   6 tháng đầu năm 2023             1/1 – 30/6                       precision 'half'
//   6 tháng cuối năm 2023            1/7 – 31/12                      precision 'half'
//   Quý IV/2023                      quarter (Roman numeral)          precision 'quarter'
//   Tháng 12/2023                    month (no leading zero)          precision 'month'
//   15/12/2023                       one day, d/m/yyyy, no zero pad   precision 'day'
//   Trước 15/12/2023                 open start, due by that day      precision 'day', start null
//   Đến hết năm 2023                 open start, due by the end of a period; precision is the
//   Đến hết quý IV/2023              period's unit ('year', 'quarter', 'month', 'half'), start null.
//   Đến hết tháng 6/2023             ("Cuối năm 2023" and "Đến hết năm 2023" normalise here.)
//   Từ tháng 3 đến tháng 6/2023      range, precision 'range'. The first year is left out when
//   Từ quý III đến quý IV/2023       both ends are months (or both quarters) of the same year;
//   Từ tháng 11/2023 đến tháng 2/2024  otherwise each end is written in full:
//   Từ năm 2023 đến năm 2025,  Từ 1/3/2023 đến 30/6/2023,  Từ tháng 10/2023 đến quý I/2024.
//   Thường xuyên | Hằng năm | Định kỳ 6 tháng | Hằng quý | Hằng tháng | Hằng tuần   (recurring)
//   Thường xuyên trong năm 2023      recurring with `within` (any period or range form after
//   Hằng quý từ quý II đến quý IV/2023   "trong"; a range is written without "trong").
//
// Decisions on ambiguous phrasings (see also the tests):
//   * "Trước"/"Đến"/"Chậm nhất" + a day = due by that day, inclusive (open start).
//   * "Trước"/"Đến" + a period ("Trước quý IV", "Đến tháng 12/2023") is NOT accepted: it could
//     mean "before the period starts" or "by its end". It is reported as 'unrecognized' so the
//     author writes a day or "Đến hết …" instead.
//   * "Đến hết …", "Đến cuối …", "Cuối …", "Từ nay đến hết …" + a period = open start, due at the
//     period's last day, precision = the period's unit. So "Cuối năm 2023" is
//     { start: null, end: 2023-12-31, precision: 'year' } and normalises to "Đến hết năm 2023".
//     "Đến hết ngày 15/12/2023" is the same as "Trước 15/12/2023".
//   * "Trong năm 2023", "Cả năm 2023", "Hoàn thành trong quý IV/2023" = the period itself.
//   * Lists "Quý I, II/2023", "Tháng 6 và 7/2023" must be contiguous and ascending; they become
//     the range covering them. A gap ("Quý I, III") or a backwards range is 'bad-range'.
//   * Missing years: an end without a year borrows it from the nearest end that has one (right
//     first: "Từ tháng 3 đến tháng 6/2023"), then from `context.planYear` (yearImplied: true,
//     and `normalized` spells the year out). With no year anywhere it is 'unrecognized'.
//   * Years are four digits. A two-digit or zero-led year ("12/23", "Năm 23") is 'bad-date' with
//     the span on the year. Day/month problems of a date ("31/2/2023", "15/13/2023") are
//     'bad-date' with the span on "d/m". "Tháng 13" is 'bad-month', "Quý V" / "Quý 5" is
//     'bad-quarter', each with the span on the number.
//   * ISO dates "2023-12-15" are accepted (the four-digit year first is unambiguous).
//   * "Thường xuyên, liên tục" and "Liên tục" are continuous; "Hàng …" = "Hằng …"; "Mỗi quý" =
//     "Hằng quý"; "6 tháng một lần", "6 tháng/lần", "Hằng 6 tháng" = "Định kỳ 6 tháng".
//   * A recurring phrase without a year gets no `within`, even when planYear is known.

import type { IsoDate } from '../types';
import { foldWord } from './text-fold';

export type DeadlinePrecision = 'day' | 'month' | 'quarter' | 'half' | 'year' | 'range';
export type RecurringPeriod = 'continuous' | 'yearly' | 'half-yearly' | 'quarterly' | 'monthly' | 'weekly';
export type DeadlineProblem = 'empty' | 'unrecognized' | 'bad-date' | 'bad-month' | 'bad-quarter' | 'bad-range';
export type DeadlineMeaning =
  | { kind: 'interval'; start: IsoDate | null; end: IsoDate; precision: DeadlinePrecision; yearImplied: boolean; normalized: string }
  | { kind: 'recurring'; period: RecurringPeriod; normalized: string; within?: { start: IsoDate; end: IsoDate } }
  | { kind: 'invalid'; problem: DeadlineProblem; span?: { start: number; end: number } };
export interface DeadlineContext {
  planYear?: number;
}

export type IntervalDeadline = Extract<DeadlineMeaning, { kind: 'interval' }>;
export type RecurringDeadline = Extract<DeadlineMeaning, { kind: 'recurring' }>;
export type InvalidDeadline = Extract<DeadlineMeaning, { kind: 'invalid' }>;

/** Longest trimmed input that is parsed at all; anything longer is 'unrecognized'. */
export const MAX_DEADLINE_LENGTH = 300;

/** Canonical spelling of each recurring period. */
export const RECURRING_PHRASES: Readonly<Record<RecurringPeriod, string>> = {
  continuous: 'Thường xuyên',
  yearly: 'Hằng năm',
  'half-yearly': 'Định kỳ 6 tháng',
  quarterly: 'Hằng quý',
  monthly: 'Hằng tháng',
  weekly: 'Hằng tuần',
};

const ROMAN = ['', 'I', 'II', 'III', 'IV'] as const;

// ---------------------------------------------------------------------------------------------
// Calendar helpers

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function nextDay(date: IsoDate): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (d < daysInMonth(y, m)) return iso(y, m, d + 1);
  if (m < 12) return iso(y, m + 1, 1);
  return iso(y + 1, 1, 1);
}

/** Quarter (1–4) of an ISO date `YYYY-MM-DD`. Throws RangeError when the text is not one. */
export function quarterOf(date: IsoDate): 1 | 2 | 3 | 4 {
  const match = /^\d{4}-(\d{2})(?:-\d{2})?$/.exec(typeof date === 'string' ? date : '');
  const month = match ? Number(match[1]) : NaN;
  if (!(month >= 1 && month <= 12)) throw new RangeError(`Not an ISO date: ${String(date).slice(0, 40)}`);
  return Math.ceil(month / 3) as 1 | 2 | 3 | 4;
}

/** The last day a deadline names: an interval's end, or the end of a recurring deadline's `within`. */
export function deadlineEnd(meaning: DeadlineMeaning | null | undefined): IsoDate | undefined {
  if (meaning?.kind === 'interval') return meaning.end;
  if (meaning?.kind === 'recurring') return meaning.within?.end;
  return undefined;
}

/**
 * The day a task needs its units on: the end of its deadline, else the last day of the plan year.
 * One definition, so par/unit-superseded, hover and unit completion judge "in force" alike.
 */
export function basisDay(meaning: DeadlineMeaning | null | undefined, year: number | undefined): IsoDate | undefined {
  return deadlineEnd(meaning) ?? (year !== undefined ? `${year}-12-31` : undefined);
}

// ---------------------------------------------------------------------------------------------
// Folding and tokens

interface Tok {
  k: 'num' | 'word' | 'sym';
  /** Folded text: lowercase, no diacritics, đ → d; dashes are "-". */
  v: string;
  /** Offsets into the original text, [s, e). */
  s: number;
  e: number;
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const foldCache = new Map<string, string>();
const LETTER = /\p{L}/u;

function foldChar(ch: string): string {
  if (ch.length === 1) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
  }
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = foldWord(ch);
    if (foldCache.size < 2048) foldCache.set(ch, folded);
  }
  return folded;
}

const SYMBOLS: Record<string, string> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
  '\u2212': '-', '\ufe58': '-', '\ufe63': '-', '\uff0d': '-',
  '\uff0f': '/', '\u2215': '/', '\u2044': '/',
  '\uff0c': ',', '\u3001': ',',
};

/** One pass over text[from, to). */
function tokenize(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    const len = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
    const next = i + len;
    if (isSpace(code)) {
      i = next;
      continue;
    }
    const ch = len === 1 ? text[i] : text.slice(i, next);
    let f = foldChar(ch);
    const last = out.length > 0 ? out[out.length - 1] : undefined;
    if (f === '') {
      // A combining mark on its own (NFD input): it belongs to the token before it.
      if (last && last.e === i) last.e = next;
      i = next;
      continue;
    }
    const c0 = f.charCodeAt(0);
    let k: Tok['k'];
    if (c0 >= 48 && c0 <= 57) k = 'num';
    else if (LETTER.test(f[0])) k = 'word';
    else {
      k = 'sym';
      f = SYMBOLS[f] ?? f;
    }
    if (k !== 'sym' && last && last.k === k && last.e === i) {
      last.v += f;
      last.e = next;
    } else {
      out.push({ k, v: f, s: i, e: next });
    }
    i = next;
  }
  while (out.length > 0 && out[out.length - 1].k === 'sym' && out[out.length - 1].v === '.') out.pop();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Grammar

type Unit = 'year' | 'half' | 'quarter' | 'month' | 'day';

interface El {
  unit: Unit;
  /** half 1|2, quarter 1–4, month 1–12 (also the month of a day). */
  n: number;
  /** Day of month, for unit 'day'. */
  d: number;
  year: number | null;
  implied: boolean;
  s: number;
  e: number;
  /** The "d/m" part of a day, for bad-date spans. */
  dm?: { start: number; end: number };
}

class Bad {
  constructor(
    readonly problem: DeadlineProblem,
    readonly span?: { start: number; end: number },
  ) {}
}

const unrecognized = (): Bad => new Bad('unrecognized');
const spanOf = (t: Tok): { start: number; end: number } => ({ start: t.s, end: t.e });

const QUARTER_WORDS: Record<string, number> = {
  i: 1, ii: 2, iii: 3, iv: 4,
  mot: 1, nhat: 1, hai: 2, ba: 3, bon: 4, tu: 4,
};
const ROMANISH = /^[ivxlcdm]+$/;

const PRECISION: Record<Unit, DeadlinePrecision> = {
  year: 'year',
  half: 'half',
  quarter: 'quarter',
  month: 'month',
  day: 'day',
};

function bounds(el: El): { start: IsoDate; end: IsoDate } {
  const y = el.year as number;
  switch (el.unit) {
    case 'year':
      return { start: iso(y, 1, 1), end: iso(y, 12, 31) };
    case 'half':
      return el.n === 1 ? { start: iso(y, 1, 1), end: iso(y, 6, 30) } : { start: iso(y, 7, 1), end: iso(y, 12, 31) };
    case 'quarter': {
      const last = el.n * 3;
      return { start: iso(y, last - 2, 1), end: iso(y, last, daysInMonth(y, last)) };
    }
    case 'month':
      return { start: iso(y, el.n, 1), end: iso(y, el.n, daysInMonth(y, el.n)) };
    case 'day': {
      const day = iso(y, el.n, el.d);
      return { start: day, end: day };
    }
  }
}

/** Lower-case spelling of one period, as it appears inside a longer phrase. */
function spell(el: El, withYear = true): string {
  const y = withYear ? `/${el.year}` : '';
  switch (el.unit) {
    case 'year':
      return `năm ${el.year}`;
    case 'half':
      return `6 tháng ${el.n === 1 ? 'đầu' : 'cuối'} năm ${el.year}`;
    case 'quarter':
      return `quý ${ROMAN[el.n]}${y}`;
    case 'month':
      return `tháng ${el.n}${y}`;
    case 'day':
      return `${el.d}/${el.n}/${el.year}`;
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

class Parser {
  p = 0;

  constructor(
    private readonly t: Tok[],
    private readonly planYear: number | null,
  ) {}

  // --- token tests -------------------------------------------------------------------------

  private tok(o = 0): Tok | undefined {
    return this.t[this.p + o];
  }
  private word(w: string, o = 0): boolean {
    const x = this.t[this.p + o];
    return x !== undefined && x.k === 'word' && x.v === w;
  }
  private sym(s: string, o = 0): boolean {
    const x = this.t[this.p + o];
    return x !== undefined && x.k === 'sym' && x.v === s;
  }
  private num(o = 0): Tok | undefined {
    const x = this.t[this.p + o];
    return x !== undefined && x.k === 'num' ? x : undefined;
  }
  private atEnd(): boolean {
    return this.p >= this.t.length;
  }
  private prevEnd(): number {
    return this.t[this.p - 1].e;
  }

  // --- entry ---------------------------------------------------------------------------------

  parse(): DeadlineMeaning {
    const recurring = this.recurring();
    if (recurring) return recurring;
    this.p = 0;
    return this.interval(true);
  }

  // --- recurring -----------------------------------------------------------------------------

  private recurring(): RecurringDeadline | null {
    const period = this.recurringBase();
    if (period === null) return null;
    const base = RECURRING_PHRASES[period];
    if (this.atEnd()) return { kind: 'recurring', period, normalized: base };
    if (this.sym(',') || this.sym('-')) this.p++;
    if (this.word('trong')) this.p++;
    const within = this.interval(false);
    if (within.start === null || within.precision === 'day') throw unrecognized();
    const phrase = lowerFirst(within.normalized);
    return {
      kind: 'recurring',
      period,
      normalized: within.precision === 'range' ? `${base} ${phrase}` : `${base} trong ${phrase}`,
      within: { start: within.start, end: within.end },
    };
  }

  private recurringBase(): RecurringPeriod | null {
    const s0 = this.p;
    let scheduled = false;
    if (this.word('dinh') && this.word('ky', 1)) {
      this.p += 2;
      scheduled = true;
    }
    if (this.word('thuong') && this.word('xuyen', 1)) {
      this.p += 2;
      const save = this.p;
      if (this.sym(',') || this.sym('-') || this.word('va')) this.p++;
      if (this.word('lien') && this.word('tuc', 1)) this.p += 2;
      else this.p = save;
      return 'continuous';
    }
    if (this.word('lien') && this.word('tuc', 1)) {
      this.p += 2;
      const save = this.p;
      if (this.sym(',') || this.sym('-') || this.word('va')) this.p++;
      if (this.word('thuong') && this.word('xuyen', 1)) this.p += 2;
      else this.p = save;
      return 'continuous';
    }
    if (this.word('hang') || this.word('moi')) {
      let period: RecurringPeriod | null = null;
      if (this.word('nam', 1)) period = 'yearly';
      else if (this.word('quy', 1)) period = 'quarterly';
      else if (this.word('thang', 1)) period = 'monthly';
      else if (this.word('tuan', 1)) period = 'weekly';
      if (period) {
        this.p += 2;
        this.optionalOnce();
        return period;
      }
      const six = this.num(1);
      if (six && Number(six.v) === 6 && this.word('thang', 2)) {
        this.p += 3;
        this.optionalOnce();
        return 'half-yearly';
      }
    }
    const six = this.num();
    if (six && Number(six.v) === 6 && this.word('thang', 1)) {
      if ((this.word('mot', 2) || this.sym('/', 2)) && this.word('lan', 3)) {
        this.p += 4;
        return 'half-yearly';
      }
      if (scheduled && !this.word('dau', 2) && !this.word('cuoi', 2)) {
        this.p += 2;
        this.optionalOnce();
        return 'half-yearly';
      }
    }
    this.p = s0;
    return null;
  }

  /** "… một lần" / "…/lần" after a recurring phrase. */
  private optionalOnce(): void {
    if ((this.word('mot') || this.sym('/')) && this.word('lan', 1)) this.p += 2;
  }

  // --- intervals -----------------------------------------------------------------------------

  private interval(allowOpen: boolean): IntervalDeadline {
    if (this.word('hoan') && this.word('thanh', 1)) this.p += 2;

    if (allowOpen) {
      let open: 'day' | 'period' | null = null;
      if (this.word('tu') && this.word('nay', 1) && this.word('den', 2)) {
        this.p += 3;
        if (this.word('het') || this.word('cuoi')) this.p++;
        open = 'period';
      } else if (this.word('truoc')) {
        this.p++;
        open = 'day';
      } else if (this.word('cham') && this.word('nhat', 1)) {
        this.p += 2;
        if (this.word('la')) this.p++;
        open = 'day';
      } else if (this.word('den') && (this.word('het', 1) || this.word('cuoi', 1))) {
        this.p += 2;
        open = 'period';
      } else if (this.word('den')) {
        this.p++;
        open = 'day';
      } else if (this.word('cuoi')) {
        this.p++;
        open = 'period';
      }
      if (open) {
        const el = this.element(null);
        if (!el || !this.atEnd()) throw unrecognized();
        if (open === 'day' && el.unit !== 'day') throw unrecognized();
        this.resolveYears([el]);
        const { end } = bounds(el);
        return {
          kind: 'interval',
          start: null,
          end,
          precision: PRECISION[el.unit],
          yearImplied: el.implied,
          normalized: el.unit === 'day' ? `Trước ${spell(el)}` : `Đến hết ${spell(el)}`,
        };
      }
    }

    let from = false;
    if (this.word('tu')) {
      this.p++;
      from = true;
    } else {
      if (this.word('trong')) this.p++;
      if (this.word('ca')) this.p++;
    }

    const first = this.element(null);
    if (!first) throw unrecognized();
    const els: El[] = [first];
    let joiner: 'range' | 'list' | null = null;
    while (!this.atEnd()) {
      let kind: 'range' | 'list';
      if (this.sym('-') || this.word('den')) kind = 'range';
      else if (this.sym(',') || this.sym('&') || this.sym(';') || this.word('va')) kind = 'list';
      else throw unrecognized();
      if (joiner !== null && joiner !== kind) throw unrecognized();
      joiner = kind;
      this.p++;
      if (kind === 'range' && (this.word('het') || this.word('cuoi'))) this.p++;
      const el = this.element(els[els.length - 1].unit);
      if (!el) throw unrecognized();
      els.push(el);
    }
    if (joiner === 'range' && els.length !== 2) throw unrecognized();
    if (from && joiner !== 'range') throw unrecognized();

    this.resolveYears(els);
    const yearImplied = els.some((el) => el.implied);

    if (els.length === 1) {
      const { start, end } = bounds(first);
      return {
        kind: 'interval',
        start,
        end,
        precision: PRECISION[first.unit],
        yearImplied,
        normalized: capitalize(spell(first)),
      };
    }

    const last = els[els.length - 1];
    const spanAll = { start: first.s, end: last.e };
    for (let i = 1; i < els.length; i++) {
      const a = bounds(els[i - 1]);
      const b = bounds(els[i]);
      const ok = joiner === 'range' ? a.start <= b.start && a.end <= b.end : b.start === nextDay(a.end);
      if (!ok) throw new Bad('bad-range', spanAll);
    }
    const elide =
      first.unit === last.unit && (first.unit === 'month' || first.unit === 'quarter') && first.year === last.year;
    return {
      kind: 'interval',
      start: bounds(first).start,
      end: bounds(last).end,
      precision: 'range',
      yearImplied,
      normalized: `Từ ${spell(first, !elide)} đến ${spell(last)}`,
    };
  }

  /** Fill missing years from the nearest end to the right, then to the left, then planYear. */
  private resolveYears(els: El[]): void {
    let carry: number | null = null;
    for (let i = els.length - 1; i >= 0; i--) {
      if (els[i].year === null) els[i].year = carry;
      else carry = els[i].year;
    }
    carry = null;
    for (const el of els) {
      if (el.year === null) el.year = carry;
      else carry = el.year;
    }
    for (const el of els) {
      if (el.year === null) {
        if (this.planYear === null) throw unrecognized();
        el.year = this.planYear;
        el.implied = true;
      }
      if (el.unit === 'day') checkDay(el);
    }
  }

  // --- one period ----------------------------------------------------------------------------

  /**
   * One period at the cursor, or null (cursor unchanged) when nothing matches. `inherit` is the
   * unit of the previous end of a range/list, which lets a bare number continue it ("Tháng 6 - 9").
   * Throws Bad for a recognised shape with an impossible value.
   */
  private element(inherit: Unit | null): El | null {
    const s0 = this.p;
    const first = this.tok();
    if (!first) return null;

    if (this.word('nam')) {
      this.p++;
      const y = this.num();
      let year: number | null = null;
      if (y) {
        year = yearOf(y);
        this.p++;
      }
      return { unit: 'year', n: 0, d: 0, year, implied: false, s: first.s, e: this.prevEnd() };
    }

    if (this.word('quy')) {
      this.p++;
      const q = this.quarterValue();
      if (q === null) {
        this.p = s0;
        return null;
      }
      const year = this.yearSuffix();
      return { unit: 'quarter', n: q, d: 0, year, implied: false, s: first.s, e: this.prevEnd() };
    }

    if (this.word('thang')) {
      this.p++;
      const m = this.monthValue();
      if (m === null) {
        this.p = s0;
        return null;
      }
      const year = this.yearSuffix();
      return { unit: 'month', n: m, d: 0, year, implied: false, s: first.s, e: this.prevEnd() };
    }

    if (this.word('ngay')) {
      this.p++;
      const day = this.date();
      if (!day) {
        this.p = s0;
        return null;
      }
      day.s = first.s;
      return day;
    }

    const n0 = this.num();
    if (n0 && n0.v.length <= 2 && Number(n0.v) === 6 && this.word('thang', 1) && (this.word('dau', 2) || this.word('cuoi', 2))) {
      const half = this.word('dau', 2) ? 1 : 2;
      this.p += 3;
      if (this.word('nam')) this.p++;
      let year: number | null = null;
      const y = this.num();
      if (y) {
        year = yearOf(y);
        this.p++;
      } else if (this.sym('/') && this.num(1)) {
        year = yearOf(this.num(1) as Tok);
        this.p += 2;
      }
      return { unit: 'half', n: half, d: 0, year, implied: false, s: first.s, e: this.prevEnd() };
    }

    const day = this.date();
    if (day) return day;

    if (inherit === 'quarter') {
      const q = this.quarterValue();
      if (q !== null) {
        const year = this.yearSuffix();
        return { unit: 'quarter', n: q, d: 0, year, implied: false, s: first.s, e: this.prevEnd() };
      }
    }
    if (!n0) return null;
    if (inherit === 'month') {
      const m = this.monthValue() as number;
      const year = this.yearSuffix();
      return { unit: 'month', n: m, d: 0, year, implied: false, s: first.s, e: this.prevEnd() };
    }
    // "12/2023": a month.
    const y2 = this.num(2);
    if (n0.v.length <= 2 && this.sym('/', 1) && y2 && y2.v.length === 4) {
      const m = this.monthValue() as number;
      this.p++;
      const year = yearOf(y2);
      this.p++;
      return { unit: 'month', n: m, d: 0, year, implied: false, s: first.s, e: this.prevEnd() };
    }
    // A bare year: "2023".
    if (n0.v.length === 4) {
      this.p++;
      return { unit: 'year', n: 0, d: 0, year: yearOf(n0), implied: false, s: first.s, e: n0.e };
    }
    return null;
  }

  /** A day: "15/12/2023", "15-12-2023", "15.12.2023", "15/12", "15 tháng 12 năm 2023", "2023-12-15". */
  private date(): El | null {
    const a = this.num();
    if (!a) return null;
    const s0 = this.p;

    // ISO yyyy-mm-dd
    if (a.v.length === 4) {
      const sep = this.tok(1);
      const m = this.num(2);
      const d = this.num(4);
      if (sep && sep.k === 'sym' && (sep.v === '-' || sep.v === '/') && m && m.v.length <= 2 && this.sym(sep.v, 3) && d && d.v.length <= 2) {
        this.p += 5;
        const el: El = {
          unit: 'day', n: Number(m.v), d: Number(d.v), year: yearOf(a), implied: false,
          s: a.s, e: d.e, dm: { start: m.s, end: d.e },
        };
        checkDay(el);
        return el;
      }
      return null;
    }
    if (a.v.length > 2) return null;

    let m: Tok | undefined;
    let year: number | null = null;
    // "15 tháng 12 [năm 2023]"
    const m1 = this.num(2);
    if (this.word('thang', 1) && m1 && m1.v.length <= 2) {
      m = m1;
      this.p += 3;
      year = this.namYear();
    } else {
      const sep = this.tok(1);
      const m2 = this.num(2);
      if (!sep || sep.k !== 'sym' || (sep.v !== '/' && sep.v !== '-' && sep.v !== '.') || !m2 || m2.v.length > 2) {
        return null;
      }
      m = m2;
      this.p += 3;
      const y = this.num(1);
      if (this.sym(sep.v) && y) {
        if (y.v.length === 4 || sep.v !== '-') {
          year = yearOf(y);
          this.p += 2;
        }
      } else {
        year = this.namYear();
      }
    }
    const el: El = {
      unit: 'day', n: Number(m.v), d: Number(a.v), year, implied: false,
      s: this.t[s0].s, e: this.prevEnd(), dm: { start: a.s, end: m.e },
    };
    checkDay(el);
    return el;
  }

  /** "[,] năm 2023" after a day. */
  private namYear(): number | null {
    const o = this.sym(',') ? 1 : 0;
    const y = this.num(o + 1);
    if (this.word('nam', o) && y) {
      this.p += o + 2;
      return yearOf(y);
    }
    return null;
  }

  /** The year after a month or quarter: "/2023", "/năm 2023", "- 2023", "[,] năm 2023", " 2023". */
  private yearSuffix(): number | null {
    if (this.sym('/')) {
      const y = this.num(1);
      if (y) {
        this.p += 2;
        return yearOf(y);
      }
      const y2 = this.num(2);
      if (this.word('nam', 1) && y2) {
        this.p += 3;
        return yearOf(y2);
      }
      return null;
    }
    if (this.sym('-')) {
      const y = this.num(1);
      if (y && y.v.length === 4) {
        this.p += 2;
        return yearOf(y);
      }
      return null;
    }
    const o = this.sym(',') ? 1 : 0;
    const y = this.num(o + 1);
    if (this.word('nam', o) && y) {
      this.p += o + 2;
      return yearOf(y);
    }
    const bare = this.num();
    if (bare && bare.v.length === 4) {
      this.p++;
      return yearOf(bare);
    }
    return null;
  }

  private quarterValue(): number | null {
    const x = this.tok();
    if (!x) return null;
    let q: number;
    if (x.k === 'num') q = x.v.length > 2 ? 0 : Number(x.v);
    else if (x.k === 'word' && QUARTER_WORDS[x.v] !== undefined) q = QUARTER_WORDS[x.v];
    else if (x.k === 'word' && ROMANISH.test(x.v)) q = 0;
    else return null;
    if (q < 1 || q > 4) throw new Bad('bad-quarter', spanOf(x));
    this.p++;
    return q;
  }

  private monthValue(): number | null {
    const x = this.num();
    if (!x) return null;
    const m = Number(x.v);
    if (x.v.length > 2 || m < 1 || m > 12) throw new Bad('bad-month', spanOf(x));
    this.p++;
    return m;
  }
}

function yearOf(t: Tok): number {
  if (t.v.length !== 4 || t.v.charCodeAt(0) === 48) throw new Bad('bad-date', spanOf(t));
  return Number(t.v);
}

/** A day/month that cannot exist; with the year unknown yet, 29/2 is allowed. */
function checkDay(el: El): void {
  const max = el.n >= 1 && el.n <= 12 ? daysInMonth(el.year ?? 2000, el.n) : 0;
  if (el.d < 1 || el.d > max) throw new Bad('bad-date', el.dm ?? { start: el.s, end: el.e });
}

// ---------------------------------------------------------------------------------------------
// Public entry points

/**
 * What a deadline cell means. Never throws. A number (as YAML gives for `thoi_han: 2023`) is
 * read as its decimal text; any other non-string is 'empty'.
 */
export function parseDeadline(text: string, context?: DeadlineContext): DeadlineMeaning {
  try {
    const source: string =
      typeof text === 'string'
        ? text
        : typeof text === 'number' && Number.isFinite(text)
          ? String(text)
          : '';
    let from = 0;
    let to = source.length;
    while (from < to && isSpace(source.charCodeAt(from))) from++;
    while (to > from && isSpace(source.charCodeAt(to - 1))) to--;
    if (from === to) return { kind: 'invalid', problem: 'empty' };
    if (to - from > MAX_DEADLINE_LENGTH) return { kind: 'invalid', problem: 'unrecognized' };

    const tokens = tokenize(source, from, to);
    if (tokens.length === 0) return { kind: 'invalid', problem: 'unrecognized' };

    const py = context?.planYear;
    const planYear = typeof py === 'number' && Number.isInteger(py) && py >= 1000 && py <= 9999 ? py : null;
    return new Parser(tokens, planYear).parse();
  } catch (error) {
    if (error instanceof Bad) {
      return error.span
        ? { kind: 'invalid', problem: error.problem, span: { start: error.span.start, end: error.span.end } }
        : { kind: 'invalid', problem: error.problem };
    }
    return { kind: 'invalid', problem: 'unrecognized' };
  }
}

/** Canonical deadline phrasings for completion, most common first. */
export function deadlineSuggestions(year: number): string[] {
  const recurring = [
    RECURRING_PHRASES.continuous,
    RECURRING_PHRASES.quarterly,
    RECURRING_PHRASES.monthly,
    RECURRING_PHRASES.yearly,
    RECURRING_PHRASES['half-yearly'],
    RECURRING_PHRASES.weekly,
  ];
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return recurring;
  const y = year;
  const out = [
    `Năm ${y}`,
    `Quý I/${y}`,
    `Quý II/${y}`,
    `Quý III/${y}`,
    `Quý IV/${y}`,
    `Trước 31/12/${y}`,
    RECURRING_PHRASES.continuous,
    `6 tháng đầu năm ${y}`,
    `6 tháng cuối năm ${y}`,
    `Trước 31/3/${y}`,
    `Trước 30/6/${y}`,
    `Trước 30/9/${y}`,
    `Trước 15/12/${y}`,
    `Đến hết năm ${y}`,
  ];
  for (let m = 1; m <= 12; m++) out.push(`Tháng ${m}/${y}`);
  out.push(`Thường xuyên trong năm ${y}`);
  for (const phrase of recurring.slice(1)) out.push(phrase);
  return out;
}
