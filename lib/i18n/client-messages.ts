// Client components get only the message namespaces they use: the full catalogue would be
// serialised into every page (about 50 KB of a checkout page's HTML).
import { getMessages } from "next-intl/server";

export async function clientMessages(namespaces: readonly string[]) {
  const all = (await getMessages()) as Record<string, unknown>;
  return Object.fromEntries(namespaces.filter((namespace) => namespace in all).map((namespace) => [namespace, all[namespace]])) as Record<string, never>;
}
