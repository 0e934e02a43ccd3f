// The 100 % limit, checked in the transaction of every change that can raise a product's total
// (a share set, a co-owner reactivated) under one advisory lock, so two owners saving at once
// cannot both pass the check with shares that together exceed it. The same lock keeps one
// all-products rule per co-owner (PostgreSQL's unique index lets NULL product ids repeat).
import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sharesOverLimit } from "./effective-shares";

export async function lockCoOwnerShares(tx: DbTransaction) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lavka:coowner-shares'))`;
}

/** Under lockCoOwnerShares, after the change: CONFLICT if the active co-owners' shares of some product now exceed 100 %. */
export async function assertSharesWithinLimit(tx: DbTransaction) {
  const rules = await tx.coOwnerShare.findMany({ where: { coOwner: { isActive: true } }, select: { coOwnerId: true, productId: true, basisPoints: true } });
  const over = sharesOverLimit(rules);
  if (over.length) {
    throw new AppError("CONFLICT", `The co-owners' shares would exceed 100 % (${over.map((row) => `${row.productId ?? "all products"}: ${row.basisPoints} bp`).join(", ")})`, {
      fieldErrors: { basisPoints: ["settings.coowners.errors.overLimit"] },
    });
  }
}
