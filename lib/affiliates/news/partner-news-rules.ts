// Shared by the partner news operations: the input schema (messages are i18n keys of the
// "partnerNews" namespace, translated by the editor) and the staff check. News belongs to the
// partners section of the admin (OWNER, MANAGER).
import { z } from "zod";
import { AppError, zodFieldErrors } from "@/lib/errors";

export const NEWS_TITLE_MAX = 200;
export const NEWS_BODY_MAX = 20_000;

export const ZPartnerNewsInput = z.object({
  title: z
    .string({ error: "partnerNews.errors.titleRequired" })
    .trim()
    .min(1, { error: "partnerNews.errors.titleRequired" })
    .max(NEWS_TITLE_MAX, { error: "partnerNews.errors.titleTooLong" }),
  body: z.string({ error: "partnerNews.errors.bodyRequired" }).trim().min(1, { error: "partnerNews.errors.bodyRequired" }).max(NEWS_BODY_MAX, { error: "partnerNews.errors.bodyTooLong" }),
});
export type TPartnerNewsInput = z.input<typeof ZPartnerNewsInput>;

export const ZNewsId = z.string().trim().min(1).max(64);

export function parseNewsInput(input: unknown): z.output<typeof ZPartnerNewsInput> {
  const parsed = ZPartnerNewsInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  return parsed.data;
}

export function parseNewsId(id: unknown): string {
  const parsed = ZNewsId.safeParse(id);
  if (!parsed.success) throw new AppError("NOT_FOUND", "News not found");
  return parsed.data;
}
