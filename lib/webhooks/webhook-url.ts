// The URL of a webhook endpoint. Events carry customers' names, phones and addresses, so only
// https is accepted — except where POSTBACK_ALLOW_PRIVATE_HOSTS is on (tests, one-machine
// setups), which also lets plain http reach a receiver on the same machine. The host must pass
// the postbacks' SSRF guard (lib/affiliates/postbacks/assert-public-host): checked when the URL
// is saved, and again before every request (DNS may have changed since).
import { z } from "zod";
import { assertPublicHost, PrivateHostError } from "@/lib/affiliates/postbacks/assert-public-host";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const WEBHOOK_URL_MAX_LENGTH = 2000;

/** Message keys (namespace "webhooks"). */
export const WEBHOOK_URL_ERRORS = {
  required: "webhooks.errors.urlRequired",
  tooLong: "webhooks.errors.urlTooLong",
  invalid: "webhooks.errors.urlInvalid",
  notHttps: "webhooks.errors.urlNotHttps",
  credentials: "webhooks.errors.urlCredentials",
  privateHost: "webhooks.errors.urlPrivateHost",
  unresolvable: "webhooks.errors.urlUnresolvable",
} as const;

export function ZWebhookUrl(allowHttp: boolean) {
  return z
    .string({ error: WEBHOOK_URL_ERRORS.required })
    .trim()
    .min(1, { error: WEBHOOK_URL_ERRORS.required })
    .max(WEBHOOK_URL_MAX_LENGTH, { error: WEBHOOK_URL_ERRORS.tooLong })
    .transform((value, context) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        context.addIssue({ code: "custom", message: WEBHOOK_URL_ERRORS.invalid });
        return z.NEVER;
      }
      if (url.protocol !== "https:" && !(allowHttp && url.protocol === "http:")) {
        context.addIssue({ code: "custom", message: WEBHOOK_URL_ERRORS.notHttps });
        return z.NEVER;
      }
      // A password in the URL would be shown in the admin and logged with every delivery.
      if (url.username || url.password) {
        context.addIssue({ code: "custom", message: WEBHOOK_URL_ERRORS.credentials });
        return z.NEVER;
      }
      if (!url.hostname) {
        context.addIssue({ code: "custom", message: WEBHOOK_URL_ERRORS.invalid });
        return z.NEVER;
      }
      url.hash = "";
      return url.toString();
    });
}

const refused = (key: string) => new AppError("VALIDATION", "The webhook URL is invalid", { fieldErrors: { url: [key] } });

/** The normalised URL; throws a VALIDATION AppError (field `url`) unless the worker would call it. */
export async function validateWebhookUrl(value: unknown): Promise<string> {
  const allowPrivate = getEnv().POSTBACK_ALLOW_PRIVATE_HOSTS;
  const parsed = ZWebhookUrl(allowPrivate).safeParse(value);
  if (!parsed.success) throw refused(parsed.error.issues[0]?.message ?? WEBHOOK_URL_ERRORS.invalid);
  try {
    await assertPublicHost(parsed.data, allowPrivate);
  } catch (error) {
    throw refused(error instanceof PrivateHostError ? WEBHOOK_URL_ERRORS.privateHost : WEBHOOK_URL_ERRORS.unresolvable);
  }
  return parsed.data;
}
