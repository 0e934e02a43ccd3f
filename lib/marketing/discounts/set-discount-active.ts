// Switches a coupon, automatic discount or promotion on or off (admin → Advertising). Off stops it
// at once in this process and within seconds in the others (the rules cache); orders placed with
// it keep their discounts. Audited.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearDiscountRulesCache } from "./load-discount-rules";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZSetDiscountActive = z.object({ kind: z.enum(["coupon", "automatic", "promotion"]), id: z.string().min(1).max(64), active: z.boolean() });

export async function setDiscountActive(input: z.input<typeof ZSetDiscountActive>, actor: TSectionActor): Promise<void> {
  const staff = assertSectionActor(actor, "advertising");
  const parsed = ZSetDiscountActive.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid input");
  const { kind, id, active } = parsed.data;
  const where = { id };
  const data = { isActive: active };
  // The switch and its audit entry commit together: no change without its entry, no entry without the change.
  await db.$transaction(async (tx) => {
    const updated =
      kind === "coupon"
        ? await tx.coupon.updateMany({ where, data })
        : kind === "automatic"
          ? await tx.automaticDiscount.updateMany({ where, data })
          : await tx.promotion.updateMany({ where, data });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "No such discount");
    await recordAudit(tx, { actor: { type: "USER", id: staff.id }, action: `${kind}.${active ? "activate" : "deactivate"}`, entity: { type: kind, id }, data: { active } });
  });
  clearDiscountRulesCache();
}
