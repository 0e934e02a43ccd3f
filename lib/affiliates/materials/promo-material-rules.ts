// Shared by the promo material operations: the input schema (messages are i18n keys of the
// "promoMaterials" namespace) and the staff check (the partners section: OWNER, MANAGER).
// A TEXT material is its text; every other kind points at a URL (the banner, video, file or
// landing page), so each kind has exactly what a partner needs to use it.
import { z } from "zod";
import { PromoMaterialKind } from "@/lib/db/generated/enums";
import { AppError, zodFieldErrors } from "@/lib/errors";

const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `promoMaterials.errors.${key}` })
    .nullish()
    .transform((value) => (value ? value : null));

export const ZPromoMaterialInput = z
  .object({
    title: z
      .string({ error: "promoMaterials.errors.titleRequired" })
      .trim()
      .min(1, { error: "promoMaterials.errors.titleRequired" })
      .max(200, { error: "promoMaterials.errors.titleTooLong" }),
    kind: z.enum(PromoMaterialKind, { error: "promoMaterials.errors.kindInvalid" }),
    productId: z
      .string()
      .trim()
      .max(64)
      .nullish()
      .transform((value) => (value ? value : null)),
    description: optionalText(2000, "descriptionTooLong"),
    url: optionalText(2000, "urlTooLong").refine((value) => value === null || /^https?:\/\/[^\s]+$/i.test(value), { error: "promoMaterials.errors.urlInvalid" }),
    content: optionalText(20_000, "contentTooLong"),
    isActive: z.boolean({ error: "promoMaterials.errors.invalid" }).default(true),
  })
  .superRefine((value, context) => {
    if (value.kind === "TEXT" && !value.content) context.addIssue({ code: "custom", path: ["content"], message: "promoMaterials.errors.contentRequired" });
    if (value.kind !== "TEXT" && !value.url) context.addIssue({ code: "custom", path: ["url"], message: "promoMaterials.errors.urlRequired" });
  });
export type TPromoMaterialInput = z.input<typeof ZPromoMaterialInput>;

/** Validates the input, including that the product (when one is chosen) exists. */
export async function parsePromoMaterialInput(input: unknown, findProduct: (id: string) => Promise<boolean>): Promise<z.output<typeof ZPromoMaterialInput>> {
  const parsed = ZPromoMaterialInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  if (parsed.data.productId && !(await findProduct(parsed.data.productId))) {
    throw new AppError("VALIDATION", "Unknown product", { fieldErrors: { productId: ["promoMaterials.errors.productInvalid"] } });
  }
  return parsed.data;
}

export function parseMaterialId(id: unknown): string {
  const parsed = z.string().trim().min(1).max(64).safeParse(id);
  if (!parsed.success) throw new AppError("NOT_FOUND", "Promo material not found");
  return parsed.data;
}
