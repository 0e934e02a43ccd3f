// Deletes a draft (a mailing that went out stays: its recipients and statistics are the record).
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertMailingActor } from "./mailing-access";

export async function deleteMailing(mailingId: string, actor: TSectionActor): Promise<void> {
  assertMailingActor(actor);
  const deleted = await db.mailing.deleteMany({ where: { id: mailingId, status: "DRAFT" } });
  if (deleted.count === 1) return;
  const exists = await db.mailing.findUnique({ where: { id: mailingId }, select: { id: true } });
  if (!exists) throw new AppError("NOT_FOUND", "Mailing not found");
  throw new AppError("CONFLICT", "Only a draft can be deleted", { fieldErrors: { _: ["mailings.errors.notDraft"] } });
}
