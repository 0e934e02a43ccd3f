// The forms of Settings → Co-owners, checked: a co-owner (name, optional email, optional linked
// employee, note) and a share rule (a product or all products, 1–10000 basis points). Messages are
// i18n keys under settings.coowners.errors.
import { z } from "zod";
import { AppError, zodFieldErrors } from "@/lib/errors";

const optionalText = (max: number, error: string) =>
  z
    .string({ error })
    .trim()
    .max(max, { error })
    .nullish()
    .transform((value) => value || null);

/** An id as forms send it: empty (none) becomes null. */
const optionalId = z
  .string({ error: "settings.coowners.errors.invalid" })
  .trim()
  .max(64, { error: "settings.coowners.errors.invalid" })
  .nullish()
  .transform((value) => value || null);

export const ZCoOwnerFields = z.object({
  name: z
    .string({ error: "settings.coowners.errors.nameRequired" })
    .trim()
    .min(1, { error: "settings.coowners.errors.nameRequired" })
    .max(200, { error: "settings.coowners.errors.tooLong" }),
  email: z
    .string({ error: "settings.coowners.errors.emailInvalid" })
    .trim()
    .max(254, { error: "settings.coowners.errors.emailInvalid" })
    .nullish()
    .transform((value) => value?.toLowerCase() || null)
    .pipe(z.email({ error: "settings.coowners.errors.emailInvalid" }).nullable()),
  userId: optionalId,
  note: optionalText(1000, "settings.coowners.errors.tooLong"),
});
export type TCoOwnerFields = z.output<typeof ZCoOwnerFields>;

export const MAX_BASIS_POINTS = 10_000;

export const ZShareFields = z.object({
  /** null: all products. */
  productId: optionalId,
  basisPoints: z
    .number({ error: "settings.coowners.errors.shareInvalid" })
    .int({ error: "settings.coowners.errors.shareInvalid" })
    .min(1, { error: "settings.coowners.errors.shareInvalid" })
    .max(MAX_BASIS_POINTS, { error: "settings.coowners.errors.shareInvalid" }),
});
export type TShareFields = z.output<typeof ZShareFields>;

export const ZId = z
  .string({ error: "settings.coowners.errors.invalid" })
  .trim()
  .min(1, { error: "settings.coowners.errors.invalid" })
  .max(64, { error: "settings.coowners.errors.invalid" });

/** The schema's output, or a VALIDATION AppError naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", `The ${what} is invalid`, { fieldErrors: zodFieldErrors(parsed.error) });
  return parsed.data;
}
