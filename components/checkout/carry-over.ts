// What the shopper has typed, carried over a change of country. The page of another country is
// another cached page (another path segment: see proxy.ts), so the router mounts its form anew;
// the form takes these values as its starting point, and the view keeps its idempotency key and
// tracking. Kept in memory only, for the one navigation.
let carried: { product: string; values: Record<string, string>; bumpIds: string[] } | null = null;

/** Remembers the form's values before the country change navigates away. */
export function carryFormOver(form: HTMLFormElement, product: string) {
  const values: Record<string, string> = {};
  const data = new FormData(form);
  for (const [name, value] of data.entries()) {
    if (typeof value === "string" && name !== "bumpIds" && !name.startsWith("$ACTION")) values[name] = value;
  }
  carried = { product, values, bumpIds: data.getAll("bumpIds").filter((id): id is string => typeof id === "string") };
}

/** The values carried over to this product's form, if its country was just changed. */
export function carriedForm(product: string) {
  return carried?.product === product ? carried : null;
}

/** Called once the new form has taken the values. */
export function forgetCarriedForm() {
  carried = null;
}
