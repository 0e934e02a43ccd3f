/** Keeps post-sign-in redirects on this site: only same-origin paths pass. */
export function safeCallbackUrl(value: unknown, fallback: string) {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
