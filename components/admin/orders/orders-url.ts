// Links of the order list keep every filter in the URL, so a filtered view can be bookmarked and
// shared; these helpers build them from the current query.
export type OrderQuery = Record<string, string | string[]>;

/** `base?query` with `changes` applied (undefined removes a key) and empty values dropped. */
export function withQuery(base: string, query: OrderQuery, changes: Record<string, string | string[] | undefined> = {}): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | string[] | undefined> = { ...query, ...changes };
  for (const [key, value] of Object.entries(merged)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item) params.append(key, item);
  }
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}
