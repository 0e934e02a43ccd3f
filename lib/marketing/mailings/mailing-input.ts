// The mailing editor's fields: name, the audience, Russian subject and body (required), the
// English pair (optional: blank means everyone gets Russian), the sending speed and the
// auto-pause threshold. Messages are i18n keys (mailings.errors.*).
import { z } from "zod";
import { ZMailingAudience } from "./mailing-audience";

export const MAX_RATE_PER_SECOND = 1_000;
export const MAX_BODY_LENGTH = 50_000;

const ZSubject = z
  .string()
  .trim()
  .max(200, { error: "mailings.errors.subjectTooLong" })
  .refine((value) => !/[\r\n]/.test(value), { error: "mailings.errors.subjectTooLong" });

export const ZMailingInput = z
  .object({
    name: z.string().trim().min(1, { error: "mailings.errors.nameRequired" }).max(200, { error: "mailings.errors.nameTooLong" }),
    audience: ZMailingAudience,
    subject: ZSubject.pipe(z.string().min(1, { error: "mailings.errors.subjectRequired" })),
    body: z.string().trim().min(1, { error: "mailings.errors.bodyRequired" }).max(MAX_BODY_LENGTH, { error: "mailings.errors.bodyTooLong" }),
    subjectEn: ZSubject.default(""),
    bodyEn: z.string().trim().max(MAX_BODY_LENGTH, { error: "mailings.errors.bodyTooLong" }).default(""),
    ratePerSecond: z.coerce
      .number({ error: "mailings.errors.rateInvalid" })
      .int({ error: "mailings.errors.rateInvalid" })
      .min(1, { error: "mailings.errors.rateInvalid" })
      .max(MAX_RATE_PER_SECOND, { error: "mailings.errors.rateInvalid" })
      .default(50),
    maxConsecutiveFailures: z.coerce
      .number({ error: "mailings.errors.failuresInvalid" })
      .int({ error: "mailings.errors.failuresInvalid" })
      .min(1, { error: "mailings.errors.failuresInvalid" })
      .max(10_000, { error: "mailings.errors.failuresInvalid" })
      .default(20),
  })
  // Half a translation would send English readers a subject without a body, or the reverse.
  .refine((input) => (input.subjectEn === "") === (input.bodyEn === ""), { path: ["bodyEn"], error: "mailings.errors.englishIncomplete" });
export type TMailingInput = z.input<typeof ZMailingInput>;
export type MailingInput = z.output<typeof ZMailingInput>;
