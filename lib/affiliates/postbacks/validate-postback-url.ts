// Checks a partner's postback URL template before it is stored or used. Only http(s): the worker
// fetches it, and any other scheme (file:, javascript:, ftp:) is either meaningless or dangerous.
// Macros ({sub1}, …) are allowed only after the host: their values come from the click, that is
// from any visitor, and a macro in the host would let a visitor point our server at any machine.
import { z } from "zod";
import { AppError, zodFieldErrors } from "@/lib/errors";

export const POSTBACK_URL_MAX_LENGTH = 2000;

/** Keys of messages/*.json (namespace "postbacks"), shown by whichever form edits the URL. */
export const POSTBACK_URL_ERRORS = {
  required: "postbacks.errors.urlRequired",
  tooLong: "postbacks.errors.urlTooLong",
  invalid: "postbacks.errors.urlInvalid",
  notHttp: "postbacks.errors.urlNotHttp",
  macroInHost: "postbacks.errors.urlMacroInHost",
} as const;

// The scheme and authority of the raw template: "https://user@host:port" up to the first / ? #.
const SCHEME_AND_AUTHORITY = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i;

export const ZPostbackUrl = z
  .string({ error: POSTBACK_URL_ERRORS.required })
  .trim()
  .min(1, { error: POSTBACK_URL_ERRORS.required })
  .max(POSTBACK_URL_MAX_LENGTH, { error: POSTBACK_URL_ERRORS.tooLong })
  .superRefine((value, context) => {
    // Already refused by min/max (zod runs refinements after non-fatal issues): one message is enough.
    if (value.length === 0 || value.length > POSTBACK_URL_MAX_LENGTH) return;
    const match = SCHEME_AND_AUTHORITY.exec(value);
    if (!match) {
      // Tell "ftp:foo" (a scheme, just not ours) from text that is no URL at all.
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
      const notHttp = scheme !== undefined && scheme !== "http" && scheme !== "https";
      context.addIssue({ code: "custom", message: notHttp ? POSTBACK_URL_ERRORS.notHttp : POSTBACK_URL_ERRORS.invalid });
      return;
    }
    const scheme = match[1]!.toLowerCase();
    if (scheme !== "http" && scheme !== "https") {
      context.addIssue({ code: "custom", message: POSTBACK_URL_ERRORS.notHttp });
      return;
    }
    if (/[{}]/.test(match[2]!)) {
      context.addIssue({ code: "custom", message: POSTBACK_URL_ERRORS.macroInHost });
      return;
    }
    // Parsed only to check it is a URL with a host; the raw template is what is stored, since
    // the parser would percent-encode the braces of macros in the path.
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      context.addIssue({ code: "custom", message: POSTBACK_URL_ERRORS.invalid });
      return;
    }
    if (!parsed.hostname) context.addIssue({ code: "custom", message: POSTBACK_URL_ERRORS.invalid });
  });

/** A valid template, trimmed; throws a VALIDATION AppError (field `postbackUrl`) otherwise. */
export function validatePostbackUrl(value: unknown): string {
  const parsed = ZPostbackUrl.safeParse(value);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    throw new AppError("VALIDATION", "The postback URL is invalid", { fieldErrors: { postbackUrl: fieldErrors._ ?? Object.values(fieldErrors).flat() } });
  }
  return parsed.data;
}
