/**
 * A line diff of two small texts (config files) by longest common subsequence: each changed line
 * prefixed `-` (removed) or `+` (added), with one unchanged line (` `) of context around each
 * change. Texts over 2,000 lines are compared as a whole: removed, then added.
 */
const MAX_LINES = 2000;

export function lineDiff(before: string, after: string): string[] {
  const a = before.replace(/\n$/, '').split(/\r?\n/);
  const b = after.replace(/\n$/, '').split(/\r?\n/);
  if (a.length > MAX_LINES || b.length > MAX_LINES) return [...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`)];
  // lcs[i][j]: the LCS length of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const all: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      all.push(` ${a[i]}`);
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      all.push(`-${a[i]}`);
      i++;
    } else {
      all.push(`+${b[j]}`);
      j++;
    }
  }
  const changed = all.map((l) => !l.startsWith(' '));
  return all.filter((_, k) => changed[k] || changed[k - 1] || changed[k + 1]);
}
