// The before/after of an audited change, reduced to what changed: for each top-level field whose
// value differs (compared as JSON, so nested objects and arrays count as one value), the old
// value in `before` and the new one in `after`. A field present on one side only is a change
// from or to null. Dates become ISO strings and bigints text, as they are stored (JSON).
export type AuditValues = Record<string, unknown>;

export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? inner.toString() : inner)) ?? "null");
}

export function auditDiff(before: AuditValues | null | undefined, after: AuditValues | null | undefined): { before: AuditValues; after: AuditValues } {
  const left = (toJsonValue(before ?? {}) ?? {}) as AuditValues;
  const right = (toJsonValue(after ?? {}) ?? {}) as AuditValues;
  const changedBefore: AuditValues = {};
  const changedAfter: AuditValues = {};
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const from = left[key] ?? null;
    const to = right[key] ?? null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changedBefore[key] = from;
    changedAfter[key] = to;
  }
  return { before: changedBefore, after: changedAfter };
}

/** Rows of the diff view: field, old, new; read from `{ before, after }` data of any entry. */
export function diffRows(data: unknown): { field: string; before: unknown; after: unknown }[] {
  if (typeof data !== "object" || data === null) return [];
  const { before, after } = data as { before?: unknown; after?: unknown };
  const isRecord = (value: unknown): value is AuditValues => typeof value === "object" && value !== null && !Array.isArray(value);
  if (!isRecord(before) && !isRecord(after)) return [];
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  return [...new Set([...Object.keys(left), ...Object.keys(right)])].map((field) => ({ field, before: left[field] ?? null, after: right[field] ?? null }));
}
