/**
 * Typing values straight from bytes: a CSV field is parsed where it lies in the read buffer, with
 * no string made for the common cases (integers, plain decimals, ISO dates). Anything unusual falls
 * back to the string parsers in schema.ts, so both paths accept exactly the same text.
 */
import { daysInMonth, parseTimestamp } from './schema.js';

const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const SPACE = 32;
const TAB = 9;

/** Powers of ten exactly representable as doubles, for the decimal fast path. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const decoder = new TextDecoder();

function trimStart(buf: Uint8Array, s: number, e: number): number {
  while (s < e && (buf[s] === SPACE || buf[s] === TAB)) s++;
  return s;
}
function trimEnd(buf: Uint8Array, s: number, e: number): number {
  while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
  return e;
}

/**
 * An integer in [s, e), or NaN when the text is not one (same grammar as the INTEGER pattern:
 * optional sign, digits, surrounding blanks allowed).
 */
export function parseIntegerBytes(buf: Uint8Array, s: number, e: number): number {
  s = trimStart(buf, s, e);
  e = trimEnd(buf, s, e);
  if (s >= e) return NaN;
  let negative = false;
  const c0 = buf[s]!;
  if (c0 === MINUS || c0 === PLUS) {
    negative = c0 === MINUS;
    s++;
    if (s >= e) return NaN;
  }
  if (e - s > 15) return parseSlow(buf, s - (c0 === MINUS || c0 === PLUS ? 1 : 0), e, true);
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i]! - ZERO;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return negative ? -v : v;
}

/**
 * A decimal number in [s, e), or NaN when the text is not one (same grammar as the NUMBER
 * pattern). Up to 15 significant digits without an exponent are parsed exactly here; anything
 * longer, or with an exponent, goes through Number() for correct rounding.
 */
export function parseNumberBytes(buf: Uint8Array, s: number, e: number): number {
  // The common case first: [-]digits[.digits], no blanks, at most 15 digits.
  let i = s;
  if (buf[i] === MINUS) i++;
  const intStart = i;
  let m = 0;
  while (i < e) {
    const d = buf[i]! - ZERO;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
    i++;
  }
  let digits = i - intStart;
  let fraction = 0;
  if (i < e && buf[i] === DOT) {
    const fractionStart = ++i;
    while (i < e) {
      const d = buf[i]! - ZERO;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
      i++;
    }
    fraction = i - fractionStart;
    digits += fraction;
  }
  if (i === e && digits > 0 && digits <= 15) {
    // m < 10^15 and 10^fraction are exact doubles, so one division rounds correctly, as Number() does.
    const v = fraction === 0 ? m : m / POW10[fraction]!;
    return buf[s] === MINUS ? -v : v;
  }
  return parseNumberGeneral(buf, s, e);
}

/** Blanks, a plus sign, long mantissas and exponents. */
function parseNumberGeneral(buf: Uint8Array, s: number, e: number): number {
  s = trimStart(buf, s, e);
  e = trimEnd(buf, s, e);
  if (s >= e) return NaN;
  const begin = s;
  let negative = false;
  const c0 = buf[s]!;
  if (c0 === MINUS || c0 === PLUS) {
    negative = c0 === MINUS;
    s++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  let sawDot = false;
  let i = s;
  for (; i < e; i++) {
    const c = buf[i]!;
    if (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (sawDot) fraction++;
    } else if (c === DOT && !sawDot) {
      sawDot = true;
    } else {
      break;
    }
  }
  if (digits === 0) return NaN;
  if (i < e) {
    const c = buf[i]!;
    if (c === 101 || c === 69) return parseSlow(buf, begin, e, false); // e or E: exponent
    return NaN;
  }
  if (digits > 15) return parseSlow(buf, begin, e, false);
  const v = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
  return negative ? -v : v;
}

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseSlow(buf: Uint8Array, s: number, e: number, integer: boolean): number {
  const text = decoder.decode(buf.subarray(s, e));
  return (integer ? INTEGER : NUMBER).test(text) ? Number(text) : NaN;
}

/** 1 true, 0 false, -1 neither (true/false/1/0/yes/no, any case, blanks around). */
export function parseBooleanBytes(buf: Uint8Array, s: number, e: number): number {
  s = trimStart(buf, s, e);
  e = trimEnd(buf, s, e);
  const n = e - s;
  if (n === 1) {
    if (buf[s] === 49) return 1;
    if (buf[s] === 48) return 0;
    return -1;
  }
  // Lower-cased bytes compared with the words, with no string made.
  const c0 = buf[s]! | 0x20;
  const c1 = buf[s + 1]! | 0x20;
  if (n === 2) return c0 === 110 && c1 === 111 ? 0 : -1; // no
  const c2 = buf[s + 2]! | 0x20;
  if (n === 3) return c0 === 121 && c1 === 101 && c2 === 115 ? 1 : -1; // yes
  const c3 = buf[s + 3]! | 0x20;
  if (n === 4) return c0 === 116 && c1 === 114 && c2 === 117 && c3 === 101 ? 1 : -1; // true
  if (n === 5) return c0 === 102 && c1 === 97 && c2 === 108 && c3 === 115 && (buf[s + 4]! | 0x20) === 101 ? 0 : -1; // false
  return -1;
}

const DAY_MS = 86_400_000;
/** Days from 1970-01-01 to the first of each month of a non-leap year. */
const MONTH_START = new Int32Array([0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]);

/** Days from 1970-01-01 to January 1st of `year` (proleptic Gregorian, as Date.UTC counts). */
function daysBeforeYear(year: number): number {
  const y = year - 1;
  return 365 * (year - 1970) + (Math.floor(y / 4) - 492) - (Math.floor(y / 100) - 19) + (Math.floor(y / 400) - 4);
}

function digit2(buf: Uint8Array, i: number): number {
  const a = buf[i]! - ZERO;
  const b = buf[i + 1]! - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Milliseconds since the epoch for an ISO 8601 date (fast path: exactly YYYY-MM-DD) or date-time
 * (through parseTimestamp); NaN when invalid.
 */
export function parseTimestampBytes(buf: Uint8Array, s: number, e: number): number {
  s = trimStart(buf, s, e);
  e = trimEnd(buf, s, e);
  if (e - s === 10 && buf[s + 4] === MINUS && buf[s + 7] === MINUS) {
    const hi = digit2(buf, s);
    const lo = digit2(buf, s + 2);
    const month = digit2(buf, s + 5);
    const day = digit2(buf, s + 8);
    if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return NaN;
    const year = hi * 100 + lo;
    if (day > daysInMonth(year, month)) return NaN;
    const leapDay = month > 2 && (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
    return (daysBeforeYear(year) + MONTH_START[month - 1]! + leapDay + day - 1) * DAY_MS;
  }
  if (e - s >= 19 && (buf[s + 10] === 84 || buf[s + 10] === SPACE)) {
    const fast = dateTimeFast(buf, s, e);
    if (fast === fast) return fast;
  }
  const ms = parseTimestamp(decoder.decode(buf.subarray(s, e)));
  return ms === undefined ? NaN : ms;
}

/**
 * YYYY-MM-DDTHH:MM:SS with an optional fraction and an optional Z or ±HH:MM offset, the common
 * machine-written form; NaN for anything else, which then takes the general parser.
 */
function dateTimeFast(buf: Uint8Array, s: number, e: number): number {
  const date = parseTimestampBytes(buf, s, s + 10);
  if (date !== date || buf[s + 13] !== 58 || buf[s + 16] !== 58) return NaN;
  const h = digit2(buf, s + 11);
  const mi = digit2(buf, s + 14);
  const sec = digit2(buf, s + 17);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) return NaN;
  let i = s + 19;
  let ms = 0;
  if (i < e && buf[i] === DOT) {
    i++;
    let scale = 100;
    const begin = i;
    while (i < e && buf[i]! >= ZERO && buf[i]! <= NINE) {
      ms += (buf[i]! - ZERO) * scale;
      scale /= 10;
      i++;
    }
    if (i === begin) return NaN;
    // Sub-millisecond digits are dropped, as Date.parse does.
    ms = Math.floor(ms);
  }
  let offset = 0;
  if (i < e) {
    const c = buf[i]!;
    if (c === 90 && i + 1 === e) {
      i++;
    } else if ((c === PLUS || c === MINUS) && (e - i === 6 || e - i === 5)) {
      const oh = digit2(buf, i + 1);
      const om = digit2(buf, e - 2);
      if (oh < 0 || om < 0 || (e - i === 6 && buf[i + 3] !== 58)) return NaN;
      offset = (c === PLUS ? 1 : -1) * (oh * 60 + om) * 60_000;
      i = e;
    } else {
      return NaN;
    }
  }
  if (i !== e) return NaN;
  return date + ((h * 60 + mi) * 60 + sec) * 1000 + ms - offset;
}

/** The text of a field, with doubled quotes undone when the field had them. */
export function fieldText(buf: Uint8Array, s: number, e: number, escaped: boolean, quote = 34): string {
  // Buffer's own UTF-8 slice avoids making a view object per field.
  const text = Buffer.isBuffer(buf) ? buf.toString('utf8', s, e) : decoder.decode(buf.subarray(s, e));
  if (!escaped) return text;
  const q = String.fromCharCode(quote);
  return text.split(q + q).join(q);
}
