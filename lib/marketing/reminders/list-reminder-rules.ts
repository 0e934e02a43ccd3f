// The reminder rules of the admin page, with how many reminders each has sent, and the products a
// rule may be limited to.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import type { ReminderKind } from "@/lib/db/generated/enums";

export interface TReminderRuleRow {
  id: string;
  kind: ReminderKind;
  name: string;
  productId: string | null;
  productName: string | null;
  delayHours: number;
  repeatCount: number;
  repeatIntervalHours: number;
  subject: string | null;
  body: string | null;
  subjectEn: string | null;
  bodyEn: string | null;
  isActive: boolean;
  sent: number;
}

export async function listReminderRules(actor: TSectionActor): Promise<{ rules: TReminderRuleRow[]; products: { id: string; name: string }[] }> {
  assertSectionActor(actor, "advertising");
  const [rules, products] = await Promise.all([
    db.reminderRule.findMany({
      orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        kind: true,
        name: true,
        productId: true,
        product: { select: { name: true } },
        delayMinutes: true,
        repeatCount: true,
        repeatIntervalMinutes: true,
        subject: true,
        body: true,
        subjectEn: true,
        bodyEn: true,
        isActive: true,
        _count: { select: { logs: true } },
      },
    }),
    db.product.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true }, take: 1000 }),
  ]);
  return {
    rules: rules.map(({ product, _count, delayMinutes, repeatIntervalMinutes, ...rule }) => ({
      ...rule,
      productName: product?.name ?? null,
      delayHours: Math.round(delayMinutes / 60),
      repeatIntervalHours: Math.round(repeatIntervalMinutes / 60),
      sent: _count.logs,
    })),
    products,
  };
}
