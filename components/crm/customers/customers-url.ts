// Links of the customer list keep every filter in the URL: built from the current query.

/** `base?query` with `changes` applied (undefined removes a key) and empty values dropped. */
export function customersHref(base: string, query: Record<string, string>, changes: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}
