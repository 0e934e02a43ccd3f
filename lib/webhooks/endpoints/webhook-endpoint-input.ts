// The form of a webhook endpoint (create and edit): URL (webhook-url.ts), an optional description
// and at least one event type.
import { z } from "zod";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { WEBHOOK_EVENT_TYPES } from "../event-types";
import { validateWebhookUrl } from "../webhook-url";

export const ZWebhookEndpointFields = z.object({
  description: z
    .string()
    .trim()
    .max(500, { error: "webhooks.errors.descriptionTooLong" })
    .optional()
    .transform((value) => value || null),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "webhooks.errors.eventUnknown" }), { error: "webhooks.errors.eventsRequired" })
    .min(1, { error: "webhooks.errors.eventsRequired" })
    .transform((events) => WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type))),
});
/** As a form sends it: anything, checked here. */
export interface TWebhookEndpointInput {
  url: unknown;
  description?: unknown;
  events?: unknown;
}

/** Validated fields (URL checked against the SSRF rules too); a VALIDATION AppError naming every bad field otherwise. */
export async function parseWebhookEndpointInput(input: TWebhookEndpointInput): Promise<{ url: string; description: string | null; events: string[] }> {
  const parsed = ZWebhookEndpointFields.safeParse(input);
  let url: string | undefined;
  let urlErrors: string[] | undefined;
  try {
    url = await validateWebhookUrl(input.url);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    urlErrors = error.fieldErrors?.url;
  }
  if (!parsed.success || urlErrors) {
    throw new AppError("VALIDATION", "The webhook endpoint is invalid", {
      fieldErrors: { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...(urlErrors ? { url: urlErrors } : {}) },
    });
  }
  return { url: url as string, ...parsed.data };
}
