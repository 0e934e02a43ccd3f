// The link builder's one rule, shared by the cabinet page and its client form: the referral
// link format that app/r/[login]/route.ts reads (`/r/<login>?to=<slug>&sub1=…&sub5=…`).
// Empty sub-ids are left out so links stay short; the route treats missing and empty alike.
export const SUB_ID_KEYS = ["sub1", "sub2", "sub3", "sub4", "sub5"] as const;
export type SubIdKey = (typeof SUB_ID_KEYS)[number];

/** Sub-ids longer than this are clipped by the click recorder (record-click.ts); the builder refuses them instead. */
export const MAX_SUB_ID_LENGTH = 128;

export function buildReferralLink(input: { appUrl: string; login: string; productSlug?: string | null; subs?: Partial<Record<SubIdKey, string>> }): string {
  const params = new URLSearchParams();
  if (input.productSlug) params.set("to", input.productSlug);
  for (const key of SUB_ID_KEYS) {
    const value = input.subs?.[key]?.trim();
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return `${input.appUrl.replace(/\/+$/, "")}/r/${encodeURIComponent(input.login)}${query ? `?${query}` : ""}`;
}
