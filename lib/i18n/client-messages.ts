// Client components get only the message namespaces they use: the full catalogue would be
// serialised into every page (about 50 KB of a checkout page's HTML).
import { getMessages } from "next-intl/server";

export async function clientMessages(namespaces: readonly string[]) {
  const all = (await getMessages()) as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  // "a" picks a whole namespace; "a.b" only its part b (a public page need not carry the admin's texts).
  for (const namespace of namespaces) {
    const [head, ...rest] = namespace.split(".");
    let value: unknown = all[head!];
    for (const key of rest) value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
    if (value === undefined) continue;
    if (rest.length === 0) {
      picked[head!] = value;
      continue;
    }
    let target = (picked[head!] ??= {}) as Record<string, unknown>;
    for (const key of rest.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[rest.at(-1)!] = value;
  }
  return picked as Record<string, never>;
}
