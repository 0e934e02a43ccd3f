// Creates a draft mailing or edits one. Only a DRAFT can change: once sending has started its
// recipients are frozen and what they were sent is on record.
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertMailingActor } from "./mailing-access";
import { ZMailingInput, type TMailingInput } from "./mailing-input";

export async function saveMailing(input: TMailingInput, actor: TSectionActor, mailingId?: string): Promise<{ id: string }> {
  const staff = assertMailingActor(actor);
  const data = ZMailingInput.parse(input);
  const fields = { ...data, audience: data.audience as Prisma.InputJsonValue };
  if (!mailingId) {
    return db.mailing.create({ data: { ...fields, createdById: staff.id }, select: { id: true } });
  }
  const updated = await db.mailing.updateMany({ where: { id: mailingId, status: "DRAFT" }, data: fields });
  if (updated.count === 1) return { id: mailingId };
  const exists = await db.mailing.findUnique({ where: { id: mailingId }, select: { id: true } });
  if (!exists) throw new AppError("NOT_FOUND", "Mailing not found");
  throw new AppError("CONFLICT", "Only a draft can be edited", { fieldErrors: { _: ["mailings.errors.notDraft"] } });
}
