// Removes pin codes from a product by pasted text (one per line, as they were added). Only free
// codes go: a code already given to an order stays with it (the buyer has it), and is counted
// with the lines that matched nothing.
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { ZAddPinCodesInput } from "./add-pin-codes";
import { auditProduct, validationError, type ProductActor } from "./product-writes";

export interface RemovePinCodesResult {
  removed: number;
  /** Codes of the paste that were given to orders or not found. */
  kept: number;
  /** Codes not yet given to an order. */
  remaining: number;
}

export async function removePinCodes(input: { productId: string; text: string }, actor: ProductActor): Promise<RemovePinCodesResult> {
  const parsed = ZAddPinCodesInput.safeParse(input);
  if (!parsed.success) throw validationError(Object.fromEntries(Object.entries(zodFieldErrors(parsed.error)).map(([path, messages]) => [path.split(".")[0] ?? "text", messages])));
  const { productId, text: codes } = parsed.data;
  return db.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true } });
    if (!product) throw new AppError("NOT_FOUND", "Product not found");
    // orderId null in the same statement: a code a delivery takes meanwhile is not deleted.
    const { count } = await tx.pinCode.deleteMany({ where: { productId, code: { in: codes }, orderId: null } });
    const remaining = await tx.pinCode.count({ where: { productId, orderId: null } });
    await auditProduct(tx, actor, "product.pin_codes_removed", productId, { removed: count });
    return { removed: count, kept: codes.length - count, remaining };
  });
}
