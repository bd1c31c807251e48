import { describe, expect, it } from 'vitest';
import { parseTimestamp, parseTyped } from '../../src/data/schema.js';
import { fieldText, parseBooleanBytes, parseIntegerBytes, parseNumberBytes, parseTimestampBytes } from '../../src/data/typed.js';

/** The byte parsers must accept exactly what the string parsers accept, with the same values. */
const bytes = (text: string) => new TextEncoder().encode(`xx${text}yy`);
const at = (text: string) => [bytes(text), 2, 2 + new TextEncoder().encode(text).length] as const;

function same(type: 'integer' | 'number', text: string): void {
  const expected = parseTyped(type, text);
  const got = type === 'integer' ? parseIntegerBytes(...at(text)) : parseNumberBytes(...at(text));
  if (expected === undefined) expect(got, text).toBeNaN();
  else expect(got, text).toBe(expected);
}

describe('byte parsers', () => {
  it('parse integers like the string parser', () => {
    for (const t of ['0', '42', '-17', '+5', ' 12 ', '007', '9007199254740993', '-', '', '1.0', '1e3', '12a', '١٢']) same('integer', t);
  });

  it('parse decimals exactly like Number(), including the rounding of long and exponent forms', () => {
    const cases = ['0.1', '-0.3', '123.456', '.5', '5.', '-.5', '-5.', '.', '-', '-0', '-0.0', '000123.4500', '999999999999999', '9999999999999999', '0.000000000000001', '1e-7', '2.5E+10', '0.30000000000000004', '123456789012345678', '3.14159265358979323846', 'NaN', 'Infinity', '1,5', '--1', '1.2.3', ' 7.25\t'];
    for (const t of cases) same('number', t);
    let seed = 1;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const x = ((seed / 2 ** 31) * 2 - 1) * 10 ** ((seed % 12) - 4);
      for (const text of [x.toFixed(seed % 9), String(x), x.toPrecision(1 + (seed % 15))]) same('number', text);
    }
  });

  it('parse booleans and timestamps like the string parsers', () => {
    for (const t of ['true', 'FALSE', ' yes ', 'No', '1', '0', 'maybe', 't', '', 'tru', 'nO', 'yess', 'falsy', 'TrUe', 'ye', 'n']) {
      const expected = parseTyped('boolean', t);
      expect(parseBooleanBytes(...at(t)), t).toBe(expected === undefined ? -1 : expected ? 1 : 0);
    }
    const dates = ['2024-02-29', '2023-02-29', '2024-13-01', '1999-12-31', '2024-01-31T10:20:30Z', '2024-01-31 10:20', '2024-1-5', 'x'];
    // Every day of years around the Gregorian rules (centuries, 400s, years before 100 and 1970), and days past a month's end.
    for (const year of ['0000', '0050', '0099', '1600', '1700', '1900', '1969', '1970', '2000', '2100', '9999']) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 15, 28, 29, 30, 31, 32]) dates.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      }
    }
    for (const t of dates) {
      const expected = parseTimestamp(t);
      const got = parseTimestampBytes(...at(t));
      if (expected === undefined) expect(got, t).toBeNaN();
      else expect(got, t).toBe(expected);
    }
  });

  it('undoes doubled quotes in field text', () => {
    expect(fieldText(...at('say ""hi""'), true)).toBe('say "hi"');
    expect(fieldText(...at("it''s"), true, 39)).toBe("it's");
    expect(fieldText(...at('héllo'), false)).toBe('héllo');
  });
});

describe('date-time fast path', () => {
  it('agrees with the general parser on machine-written date-times and rejects the rest', () => {
    const cases = [
      '2024-10-29T20:35:10Z',
      '2024-10-29T20:35:10',
      '2024-10-29 20:35:10',
      '2024-02-29T23:59:59.999Z',
      '2024-02-29T23:59:59.1234567Z',
      '2024-01-31T10:20:30+02:00',
      '2024-01-31T10:20:30-0530',
      '2023-02-29T10:00:00Z',
      '2024-01-31T24:00:00Z',
      '2024-01-31T10:20:30ZZ',
      '2024-01-31T10:20:30.Z',
      '2024-01-31T10:20',
    ];
    for (const t of cases) {
      const expected = parseTimestamp(t);
      const got = parseTimestampBytes(...at(t));
      if (expected === undefined) expect(got, t).toBeNaN();
      else expect(got, t).toBe(expected);
    }
    const buffer = Buffer.from('xx2024-10-29T20:35:10Zyy');
    expect(parseTimestampBytes(buffer, 2, 22)).toBe(Date.UTC(2024, 9, 29, 20, 35, 10));
  });
});
