// Adds pin codes (license keys) to a digital product from pasted text, one per line. Blank lines
// are skipped, repeats within the paste and codes the product already has are dropped, so pasting
// the same list twice adds nothing.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { auditProduct, validationError, type ProductActor } from "./product-writes";

export const MAX_PIN_CODES_PER_PASTE = 10_000;
const MAX_CODE_LENGTH = 200;

/** Lines of the paste, trimmed, blank ones dropped, first occurrence kept. */
export function splitPinCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

export const ZAddPinCodesInput = z.object({
  productId: z.string().trim().min(1).max(64),
  text: z
    .string()
    .max(MAX_PIN_CODES_PER_PASTE * (MAX_CODE_LENGTH + 2), { error: "products.errors.tooLong" })
    .transform(splitPinCodes)
    .pipe(
      z
        .array(z.string().max(MAX_CODE_LENGTH, { error: "products.errors.pinCodeTooLong" }))
        .min(1, { error: "products.errors.pinCodesEmpty" })
        .max(MAX_PIN_CODES_PER_PASTE, { error: "products.errors.tooMany" }),
    ),
});

export interface AddPinCodesResult {
  added: number;
  /** Lines that were repeats or already stored. */
  skipped: number;
  /** Codes not yet given to an order. */
  remaining: number;
}

export async function addPinCodes(input: { productId: string; text: string }, actor: ProductActor): Promise<AddPinCodesResult> {
  const parsed = ZAddPinCodesInput.safeParse(input);
  if (!parsed.success) throw validationError(Object.fromEntries(Object.entries(zodFieldErrors(parsed.error)).map(([path, messages]) => [path.split(".")[0] ?? "text", messages])));
  const { productId, text: codes } = parsed.data;
  const lines = input.text.split(/\r?\n/).filter((line) => line.trim()).length;
  return db.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true } });
    if (!product) throw new AppError("NOT_FOUND", "Product not found");
    // skipDuplicates: the unique (productId, code) drops codes already stored, even under a concurrent paste.
    const { count } = await tx.pinCode.createMany({ data: codes.map((code) => ({ productId, code })), skipDuplicates: true });
    const remaining = await tx.pinCode.count({ where: { productId, orderId: null } });
    await auditProduct(tx, actor, "product.pin_codes_added", productId, { added: count });
    return { added: count, skipped: lines - count, remaining };
  });
}
