// A co-owner row locked for a change (FOR UPDATE), or NOT_FOUND.
import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow, ZId } from "./coowner-input";

export const coOwnerAuditSelect = { id: true, name: true, email: true, userId: true, note: true, isActive: true } as const;

export async function lockCoOwnerOrThrow(tx: DbTransaction, coOwnerId: unknown) {
  const id = parseOrThrow(ZId, coOwnerId, "co-owner id");
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "CoOwner" WHERE "id" = ${id} FOR UPDATE`;
  if (!locked.length) throw new AppError("NOT_FOUND", "Co-owner not found");
  return tx.coOwner.findUniqueOrThrow({ where: { id }, select: coOwnerAuditSelect });
}

/** NOT_FOUND (as a field error of `userId`) unless the linked employee exists. */
export async function assertUserExists(tx: DbTransaction, userId: string | null) {
  if (userId === null) return;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new AppError("VALIDATION", "The linked employee does not exist", { fieldErrors: { userId: ["settings.coowners.errors.userUnknown"] } });
}

/** VALIDATION (as a field error of `productId`) unless the product exists. */
export async function assertProductExists(tx: DbTransaction, productId: string | null) {
  if (productId === null) return;
  const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true } });
  if (!product) throw new AppError("VALIDATION", "The product does not exist", { fieldErrors: { productId: ["settings.coowners.errors.productUnknown"] } });
}
