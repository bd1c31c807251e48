// AssemblyScript, compiled to WebAssembly by scripts/build-wasm.mjs into
// src/data/readers/csv-fields-wasm.ts (the module's bytes, committed). The fast path of the CSV
// scanner (src/data/readers/csv-scanner.ts): it finds the fields of ordinary records 64 bytes
// at a time and writes them where the scanner's batch keeps them. Anything else it leaves to the
// scanner, which reads it byte by byte and words every error.

/** Where the last call stopped: a record's first byte, and that byte's physical line. */
let stoppedAt: i32 = 0;
let stoppedLine: i32 = 0;

export function resultOffset(): i32 {
  return stoppedAt;
}

export function resultLine(): i32 {
  return stoppedLine;
}

/** Bit i set when byte i of the 64 at `at` is a delimiter, quote, LF or CR. */
// @ts-ignore: decorator
@inline function structural(at: usize, d: v128, q: v128): u64 {
  return (
    <u64>structural16(at, d, q) |
    (<u64>structural16(at + 16, d, q) << 16) |
    (<u64>structural16(at + 32, d, q) << 32) |
    (<u64>structural16(at + 48, d, q) << 48)
  );
}

// @ts-ignore: decorator
@inline function structural16(at: usize, d: v128, q: v128): u32 {
  const x = v128.load(at);
  const lf = i8x16.eq(x, i8x16.splat(10));
  const cr = i8x16.eq(x, i8x16.splat(13));
  return i8x16.bitmask(v128.or(v128.or(i8x16.eq(x, d), i8x16.eq(x, q)), v128.or(lf, cr)));
}

/**
 * Scans the records that start at buf[p] (p is a record's first byte, on physical line `line`)
 * and stores field i of row r at index i * stride + r of starts, ends and flags (0 empty, 1 plain,
 * 2 quoted, 3 quoted with doubled quotes), and each record's line at positions[r]. It takes only
 * records it can finish here: every field plain or quoted without a line break inside, LF at the
 * end, exactly `ncols` fields, at most maxRecordBytes long; blank lines (a lone LF) it passes.
 * It stops before a record it cannot take, before the record that would make `maxRow` rows, at
 * the first record starting at or after `stop`, and before a record that reaches buf[len], and
 * returns the row count it reached (resultOffset and resultLine say where it stopped).
 * buf[len, len + 64) must be readable; what is there is never taken for data.
 */
export function scan(
  buf: usize,
  p: i32,
  len: i32,
  line: i32,
  ncols: i32,
  stride: i32,
  row: i32,
  maxRow: i32,
  stop: i32,
  maxRecordBytes: i32,
  starts: usize,
  ends: usize,
  flags: usize,
  positions: usize,
  delimiter: i32,
  quote: i32,
): i32 {
  const d = i8x16.splat(<i8>delimiter);
  const q = i8x16.splat(<i8>quote);
  let recStart = p;
  let fieldStart = p;
  let col = 0;
  let idx = row;
  let block = p & ~63;
  let mask = structural(buf + <usize>block, d, q) & (<u64>-1 << <u64>(p - block));
  for (;;) {
    if (row >= maxRow || recStart >= stop) break;
    // The next structural byte.
    while (mask == 0) {
      block += 64;
      if (block >= len) break;
      mask = structural(buf + <usize>block, d, q);
    }
    if (mask == 0) break;
    let at = block + <i32>ctz(mask);
    mask &= mask - 1;
    if (at >= len) break;
    let c = <i32>load<u8>(buf + <usize>at);
    let flag = at > fieldStart ? 1 : 0;
    let start = fieldStart;
    if (c == quote) {
      // A quote inside an unquoted field is data.
      if (at != fieldStart) continue;
      // A quoted field: to the closing quote; a doubled quote is one quote of the text.
      start = at + 1;
      flag = 2;
      let close = -1;
      for (;;) {
        while (mask == 0) {
          block += 64;
          if (block >= len) break;
          mask = structural(buf + <usize>block, d, q);
        }
        if (mask == 0) break;
        const r = block + <i32>ctz(mask);
        mask &= mask - 1;
        if (r >= len) break;
        const b = <i32>load<u8>(buf + <usize>r);
        if (b == quote) {
          if (r + 1 < len && <i32>load<u8>(buf + <usize>(r + 1)) == quote) {
            // The second quote is the next structural byte: skip it.
            flag = 3;
            while (mask == 0) {
              block += 64;
              mask = structural(buf + <usize>block, d, q);
            }
            mask &= mask - 1;
            continue;
          }
          close = r;
          break;
        }
        // A line break inside quotes: the scanner counts its lines.
        if (b == 10 || b == 13) break;
      }
      if (close < 0) break;
      // The byte after the closing quote must be the next structural one, a delimiter or LF.
      at = close + 1;
      if (at >= len) break;
      c = <i32>load<u8>(buf + <usize>at);
      if (c != delimiter && c != 10) break;
      while (mask == 0) {
        block += 64;
        mask = structural(buf + <usize>block, d, q);
      }
      mask &= mask - 1;
      store<i32>(starts + (<usize>idx << 2), start);
      store<i32>(ends + (<usize>idx << 2), close);
    } else {
      if (c == 13) break;
      if (c == 10 && at == recStart) {
        // A blank line.
        line++;
        recStart = at + 1;
        fieldStart = recStart;
        continue;
      }
      store<i32>(starts + (<usize>idx << 2), start);
      store<i32>(ends + (<usize>idx << 2), at);
    }
    if (c == delimiter) {
      // Too many fields: the scanner reports the row.
      if (col >= ncols - 1) break;
      store<u8>(flags + <usize>idx, <u8>flag);
      idx += stride;
      col++;
      fieldStart = at + 1;
      continue;
    }
    // c is LF: the record ends.
    if (col != ncols - 1 || at + 1 - recStart > maxRecordBytes) break;
    store<u8>(flags + <usize>idx, <u8>flag);
    store<f64>(positions + (<usize>row << 3), <f64>line);
    line++;
    row++;
    col = 0;
    idx = row;
    recStart = at + 1;
    fieldStart = recStart;
  }
  stoppedAt = recStart;
  stoppedLine = line;
  return row;
}
