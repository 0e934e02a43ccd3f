// The advertising section's upsell and reminder operations against a real PostgreSQL: only
// MANAGER and OWNER may read or change them (every other role is refused, nothing written), and
// bad input is refused field by field with nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { listReminderRules } from "@/lib/marketing/reminders/list-reminder-rules";
import { saveReminderRule } from "@/lib/marketing/reminders/save-reminder-rule";
import { getUpsellEditor } from "@/lib/marketing/upsells/get-upsell-editor";
import { listUpsells } from "@/lib/marketing/upsells/list-upsells";
import { saveUpsell, type TSaveUpsellInput } from "@/lib/marketing/upsells/save-upsell";
import { setUpsellActive } from "@/lib/marketing/upsells/set-upsell-active";
import { refusal } from "../helpers/refusal";

const fx = checkoutFixtures("mkt-access");
const ruleIds: string[] = [];
const actor = (role: Role) => ({ id: `user-${role.toLowerCase()}`, role });
const manager = actor("MANAGER");
let trigger: { id: string };
let offer: { id: string };

const input = (overrides: Partial<TSaveUpsellInput> = {}): TSaveUpsellInput => ({
  kind: "ONE_CLICK",
  offerProductId: offer.id,
  triggerProductIds: [trigger.id],
  title: "Ремешок",
  quantity: 1,
  position: 0,
  isActive: true,
  prices: [
    { currency: "RUB", amount: "490,50" },
    { currency: "USD", amount: "" },
  ],
  ...overrides,
});

beforeAll(async () => {
  await ensureCheckoutReferenceData();
  trigger = await fx.createProduct();
  offer = await fx.createProduct();
});

afterAll(async () => {
  await db.reminderRule.deleteMany({ where: { id: { in: ruleIds } } });
  await fx.cleanup();
  await disconnectDb();
});

describe("upsells in the admin", () => {
  it("saves the price per currency in minor units, and refuses bad input field by field", async () => {
    const { id } = await saveUpsell(input(), manager);
    const editor = await getUpsellEditor(id, actor("OWNER"));
    expect(editor.upsell).toMatchObject({ kind: "ONE_CLICK", offerProductId: offer.id, triggerProductIds: [trigger.id], prices: { RUB: 49050 } }); // 490.50 RUB

    const error = await refusal(saveUpsell(input({ triggerProductIds: [offer.id], prices: [{ currency: "RUB", amount: "4,9,0" }], title: " " }), manager));
    expect(error.fieldErrors).toMatchObject({ title: ["adminUpsells.errors.titleRequired"] });
    const semantic = await refusal(saveUpsell(input({ triggerProductIds: [offer.id], prices: [{ currency: "RUB", amount: "abc" }] }), manager));
    expect(semantic.fieldErrors).toEqual({ triggerProductIds: ["adminUpsells.errors.triggerIsOffer"], "price.RUB": ["adminUpsells.errors.priceInvalid"] });
    expect((await refusal(saveUpsell(input({ prices: [] }), manager))).fieldErrors).toEqual({ prices: ["adminUpsells.errors.priceRequired"] });
    expect(await db.upsell.count({ where: { offerProductId: offer.id } })).toBe(1);

    await setUpsellActive({ id, isActive: false }, manager);
    expect((await listUpsells(manager)).find((row) => row.id === id)).toMatchObject({ isActive: false, shown: 0, taken: 0, prices: [{ currency: "RUB", price: 49050 }] });
    expect((await refusal(setUpsellActive({ id: "missing", isActive: true }, manager))).code).toBe("NOT_FOUND");
  });

  it.each(["OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const)("refuses %s everything, and writes nothing", async (role) => {
    // This file's upsells (every write below names its products): other files add and delete
    // upsells of their own meanwhile.
    const ofThisFile = { OR: [{ offerProductId: { in: [offer.id, trigger.id] } }, { triggers: { some: { productId: { in: [offer.id, trigger.id] } } } }] };
    const upsells = () => db.upsell.findMany({ where: ofThisFile, select: { id: true, isActive: true, title: true }, orderBy: { id: "asc" } });
    const before = await upsells();
    for (const attempt of [
      listUpsells(actor(role)),
      getUpsellEditor(null, actor(role)),
      saveUpsell(input(), actor(role)),
      setUpsellActive({ id: before[0]?.id ?? "x", isActive: true }, actor(role)),
      listReminderRules(actor(role)),
      saveReminderRule({ kind: "UNCONFIRMED", name: "x", delayMinutes: 1, repeatCount: 0, repeatIntervalMinutes: 1, isActive: true }, actor(role)),
    ]) {
      expect((await refusal(attempt)).code).toBe("FORBIDDEN");
    }
    expect(await upsells()).toEqual(before);
  });
});

describe("reminder rules in the admin", () => {
  it("stores hours as minutes, limits a rule to a product, and refuses bad input", async () => {
    const { id } = await saveReminderRule(
      { kind: "NOT_PICKED_UP", name: "Посылка ждёт", productId: trigger.id, delayMinutes: "72", repeatCount: "2", repeatIntervalMinutes: "48", subjectEn: "Your parcel", isActive: true },
      manager,
    );
    ruleIds.push(id);
    expect(
      await db.reminderRule.findUniqueOrThrow({
        where: { id },
        select: { delayMinutes: true, repeatIntervalMinutes: true, repeatCount: true, productId: true, subjectEn: true, subject: true },
      }),
    ).toEqual({
      delayMinutes: 72 * 60,
      repeatIntervalMinutes: 48 * 60,
      repeatCount: 2,
      productId: trigger.id,
      subjectEn: "Your parcel",
      subject: null,
    });
    const error = await refusal(
      saveReminderRule({ kind: "UNPAID", name: "", delayMinutes: "0", repeatCount: "11", repeatIntervalMinutes: "1", subject: "two\nlines", isActive: true }, manager),
    );
    expect(error.fieldErrors).toMatchObject({
      name: ["adminReminders.errors.nameRequired"],
      delayMinutes: ["adminReminders.errors.delayInvalid"],
      repeatCount: ["adminReminders.errors.repeatInvalid"],
      subject: ["adminReminders.errors.oneLine"],
    });
    expect(
      (await refusal(saveReminderRule({ kind: "UNPAID", name: "x", productId: "nope", delayMinutes: 1, repeatCount: 0, repeatIntervalMinutes: 1, isActive: true }, manager))).fieldErrors,
    ).toEqual({
      productId: ["adminReminders.errors.productInvalid"],
    });
    expect((await listReminderRules(actor("OWNER"))).rules.find((rule) => rule.id === id)).toMatchObject({
      delayHours: 72,
      repeatIntervalHours: 48,
      productName: expect.any(String),
      sent: 0,
    });
  });
});
