// Ids for rows written by raw SQL on hot paths, shaped like the cuids Prisma makes for
// `@default(cuid())` (25 characters, "c", a base-36 time part, a counter and randomness), so they
// sort and look like every other id of the same table.
import { randomBytes } from "node:crypto";

let counter = Math.floor(Math.random() * 36 ** 4);

export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const bytes = randomBytes(8);
  const random = (bytes.readBigUInt64BE() % 36n ** 12n).toString(36).padStart(12, "0");
  return `c${time}${counter.toString(36).padStart(4, "0")}${random}`;
}
