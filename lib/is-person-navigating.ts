// Links in mail (order confirmation, partner email confirmation) act on a GET only when a
// person opened them: mail scanners and link previewers fetch links too, and must change nothing.

/** True for a top-level browser navigation (not a prefetch, preview, frame, image or fetch). */
export function isPersonNavigating(requestHeaders: { get(name: string): string | null }): boolean {
  const purpose = [requestHeaders.get("sec-purpose"), requestHeaders.get("purpose"), requestHeaders.get("x-purpose")].join(" ").toLowerCase();
  if (purpose.includes("prefetch") || purpose.includes("preview")) return false;
  const destination = requestHeaders.get("sec-fetch-dest");
  if (destination && destination !== "document") return false;
  return requestHeaders.get("sec-fetch-user") === "?1" || requestHeaders.get("sec-fetch-mode") === "navigate";
}
