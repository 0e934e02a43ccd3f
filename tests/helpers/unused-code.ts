// A country or currency code a test creates for itself: one no row has yet, from a range no test
// file uses as a fixed code (other files expect theirs — "XX", "QX", "QQQ", "ZZ" — to be unknown,
// or create them), so that two files running at once never meet on one code.
import { randomInt } from "node:crypto";

const LETTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];

/** `prefix` + one letter from `from` to `to`, one no row has (taken: the codes in the table). */
export function unusedCode(prefix: string, taken: Iterable<string>, from = "A", to = "Z"): string {
  const seen = new Set(taken);
  const free = LETTERS.filter((letter) => letter >= from && letter <= to)
    .map((letter) => `${prefix}${letter}`)
    .filter((code) => !seen.has(code));
  if (free.length === 0) throw new Error(`every code ${prefix}${from}–${prefix}${to} is taken: rows left behind by an earlier run?`);
  return free[randomInt(free.length)]!;
}
