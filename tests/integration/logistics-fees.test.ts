// Postal fees against a real PostgreSQL: the postal tariff (owner only, validated with ru/en
// messages, audited, nothing written on bad input), a batch's parcels getting their fees from it
// when packed (blank without one), recomputed when weight or declared value change, a fee typed
// over the tariff kept, an emptied one following the tariff again, the open batches following a
// new tariff while a closed batch keeps what it was handed over with, and the batch's f.103 and
// f.116 printing the fees and their totals in digits and words.
import { randomUUID } from "node:crypto";
import type * as NextAuthModule from "next-auth";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { savePostalTariffAction, updateBatchParcelAction } from "@/app/admin/logistics/actions";
import { GET as batchForms } from "@/app/api/admin/logistics/batches/[id]/forms/route";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { closeShippingBatch } from "@/lib/logistics/batches/close-shipping-batch";
import { createShippingBatch } from "@/lib/logistics/batches/create-shipping-batch";
import { listShippingBatches } from "@/lib/logistics/batches/list-shipping-batches";
import { updateBatchParcel } from "@/lib/logistics/batches/update-batch-parcel";
import { getPostalTariff, lockPostalTariff, POSTAL_TARIFF_KEY, type TPostalTariff } from "@/lib/logistics/fees/postal-tariff";
import { updatePostalTariff } from "@/lib/logistics/fees/update-postal-tariff";
import { loadPostalFormOrders } from "@/lib/logistics/forms/load-postal-form-orders";
import { SHOP_REQUISITES_KEY } from "@/lib/settings/shop-requisites";
import { pdfPageTexts } from "@/tests/helpers/pdf-pages";
import { SETTING_TURN_TIMEOUT_MS, SETTING_TURNS, takeSettingTurn } from "@/tests/helpers/setting-turn";

const session = vi.hoisted(() => ({ current: null as null | { actor: unknown }, locale: "ru" as "ru" | "en" }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const catalogues = { ru: (await import("@/messages/ru.json")).default, en: (await import("@/messages/en.json")).default };
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: session.locale, messages: catalogues[session.locale], namespace: namespace as never }),
    getLocale: async () => session.locale,
  };
});

const run = randomUUID().slice(0, 8);
const users = {} as Record<Role, { id: string; role: Role; name: string; email: string; sessionVersion: number }>;
let productId = "";
let customerId = "";
const orderIds: string[] = [];
const batchIds: string[] = [];
let stored: { tariff: unknown; requisites: unknown } = { tariff: null, requisites: null };
let endSettingTurn: (() => Promise<void>) | undefined;

const tariff: TPostalTariff = {
  firstStepPostage: 30000, // 300.00 RUB up to 500 g
  extraStepPostage: 4500, // 45.00 RUB per further 500 g or part
  stepGrams: 500,
  declaredValueRateBp: 400, // 4 %
  parcelSurcharge: 1000, // 10.00 RUB
};

const requisites = {
  senderName: "ИП Иванов Иван Иванович",
  address: "г. Москва, ул. Тверская, д. 7, кв. 15",
  postcode: "125009",
  phone: "+7 495 123-45-67",
  inn: "500100732259",
  bankName: "ПАО Сбербанк",
  bik: "044525225",
  correspondentAccount: "30101810400000000225",
  settlementAccount: "40702810938000012345",
};

function signInAs(role: Role) {
  session.current = { actor: { kind: "staff", ...users[role] } };
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** A CONFIRMED COD order of `quantity` × 625 g at 645.00 RUB each, with a tracking number. */
async function placeOrder(quantity: number, tracking: string) {
  const total = quantity * 64500;
  const order = await db.order.create({
    data: {
      customerId,
      productId,
      region: "RU",
      country: "RU",
      customerName: "Петрова Анна Сергеевна",
      phone: "+79175551234",
      postcode: "420111",
      city: "г. Казань",
      street: "ул. Ленина",
      house: "5",
      currency: "RUB",
      itemsTotal: total,
      total,
      paymentMethod: "COD",
      status: "CONFIRMED",
      trackingNumber: tracking,
      items: { create: [{ productId, productName: "Часы", quantity, unitPrice: 64500, total }] },
    },
    select: { id: true, number: true },
  });
  orderIds.push(order.id);
  return order;
}

async function batchOf(ids: string[]) {
  signInAs("LOGISTICS");
  const result = await createShippingBatch({ orderIds: ids, actor: users.LOGISTICS });
  if (!result.ok) throw new Error(`batch refused: ${JSON.stringify(result.problems)}`);
  batchIds.push(result.batchId);
  return result.batchId;
}

const entryOf = (batchId: string, orderId: string) =>
  db.shippingBatchOrder.findFirstOrThrow({
    where: { batchId, orderId },
    select: { id: true, weightGrams: true, declaredValue: true, postageFee: true, declaredValueFee: true, postageFeeOverridden: true, declaredValueFeeOverridden: true },
  });

/** The fee columns of the batches list for one batch. */
async function listedFees(batchId: string) {
  const { items } = await listShippingBatches({}, users.LOGISTICS);
  const batch = items.find((item) => item.id === batchId);
  return batch && { fees: batch.fees, parcelsWithoutFee: batch.parcelsWithoutFee };
}

const auditCount = () => db.auditLog.count({ where: { actorId: { in: Object.values(users).map((user) => user.id) } } });

beforeAll(async () => {
  // The tariff and the requisites are the shop's: logistics-forms saves the requisites too.
  endSettingTurn = await takeSettingTurn(SETTING_TURNS.shop);
  stored = {
    tariff: (await db.setting.findUnique({ where: { key: POSTAL_TARIFF_KEY }, select: { value: true } }))?.value ?? null,
    requisites: (await db.setting.findUnique({ where: { key: SHOP_REQUISITES_KEY }, select: { value: true } }))?.value ?? null,
  };
  await db.setting.deleteMany({ where: { key: POSTAL_TARIFF_KEY } });
  await db.setting.upsert({ where: { key: SHOP_REQUISITES_KEY }, create: { key: SHOP_REQUISITES_KEY, value: requisites }, update: { value: requisites }, select: { key: true } });
  for (const role of ["OWNER", "MANAGER", "LOGISTICS"] as const) {
    users[role] = await db.user.create({
      data: { email: `${role.toLowerCase()}-${run}@fees.test`, name: `${role} ${run}`, passwordHash: "x", role },
      select: { id: true, role: true, name: true, email: true, sessionVersion: true },
    });
  }
  await db.currency.upsert({ where: { code: "RUB" }, update: {}, create: { code: "RUB", name: "RUB", symbol: "₽" } });
  productId = (await db.product.create({ data: { slug: `fees-${run}`, name: `Часы ${run}`, currency: "RUB", weightGrams: 625 }, select: { id: true } })).id;
  customerId = (await db.customer.create({ data: { name: `Петрова ${run}` }, select: { id: true } })).id;
}, SETTING_TURN_TIMEOUT_MS);

afterAll(async () => {
  try {
    const userIds = Object.values(users).map((user) => user.id);
    await db.shippingBatch.deleteMany({ where: { id: { in: batchIds } } });
    await db.order.deleteMany({ where: { id: { in: orderIds } } });
    await db.product.deleteMany({ where: { id: productId } });
    await db.customer.deleteMany({ where: { id: customerId } });
    await db.auditLog.deleteMany({ where: { actorId: { in: userIds } } });
    await db.user.deleteMany({ where: { id: { in: userIds } } });
    for (const [key, value] of [
      [POSTAL_TARIFF_KEY, stored.tariff],
      [SHOP_REQUISITES_KEY, stored.requisites],
    ] as const) {
      if (value === null) await db.setting.deleteMany({ where: { key } });
      else await db.setting.upsert({ where: { key }, create: { key, value: value as never }, update: { value: value as never }, select: { key: true } });
    }
  } finally {
    await endSettingTurn?.();
  }
  await disconnectDb();
});

describe("the postal tariff", () => {
  it("is the owner's alone, and bad input is refused field by field with nothing written", async () => {
    await expect(updatePostalTariff({ tariff, actor: users.MANAGER as never })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const wrong = await updatePostalTariff({ tariff: { ...tariff, firstStepPostage: -1, stepGrams: 0, declaredValueRateBp: 10_001 }, actor: users.OWNER as never }).catch(
      (error: unknown) => error,
    );
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).fieldErrors).toEqual({
      firstStepPostage: ["logistics.fees.errors.amount"],
      stepGrams: ["logistics.fees.errors.step"],
      declaredValueRateBp: ["logistics.fees.errors.rate"],
    });
    expect(await getPostalTariff()).toBeNull();
    expect(await auditCount()).toBe(0);
  });

  it("explains a bad form in the reader's language (ru and en) and keeps what was typed", async () => {
    signInAs("OWNER");
    const typed = { firstStepPostage: "300", extraStepPostage: "45,555", stepGrams: "500", declaredValueRate: "4", parcelSurcharge: "" };
    const ru = await savePostalTariffAction({ status: "idle" }, form({ ...typed, intent: "save" }));
    expect(ru).toMatchObject({ status: "error", fieldErrors: { extraStepPostage: "Сумма в рублях от 0 до 100 000, не больше двух знаков после запятой." } });
    expect(ru.values).toMatchObject({ extraStepPostage: "45,555" });
    session.locale = "en";
    const en = await savePostalTariffAction({ status: "idle" }, form({ ...typed, declaredValueRate: "101", extraStepPostage: "45" }));
    session.locale = "ru";
    expect(en).toMatchObject({ status: "error", fieldErrors: { declaredValueRateBp: "A percentage from 0 to 100, at most two decimals." } });
    signInAs("LOGISTICS");
    expect((await savePostalTariffAction({ status: "idle" }, form({ ...typed, extraStepPostage: "45" }))).status).toBe("error");
    expect(await getPostalTariff()).toBeNull();
    expect(await auditCount()).toBe(0);
  });
});

describe("fees of batch parcels", () => {
  it("stay blank without a tariff", async () => {
    const order = await placeOrder(1, "80085100000011");
    const batchId = await batchOf([order.id]);
    expect(await entryOf(batchId, order.id)).toMatchObject({ weightGrams: 625, declaredValue: 64500, postageFee: null, declaredValueFee: null });
    // The batches list shows no fee for it, and says why.
    expect(await listedFees(batchId)).toEqual({ fees: null, parcelsWithoutFee: 1 });
  });

  it("reach a batch made while the very first tariff is being saved", async () => {
    // The save holds the tariff's lock (as updatePostalTariff does) while no Setting row exists yet:
    // the batch must wait for it and then price its parcel with the new tariff.
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    expect(await getPostalTariff()).toBeNull();
    const saving = db.$transaction(
      async (tx) => {
        await lockPostalTariff(tx, "exclusive");
        locked();
        await released;
        await tx.setting.create({ data: { key: POSTAL_TARIFF_KEY, value: tariff }, select: { key: true } });
      },
      { timeout: 20_000 },
    );
    await isLocked;
    const order = await placeOrder(1, "80085100000073");
    const making = batchOf([order.id]);
    const state = await Promise.race([making.then(() => "made"), new Promise((resolve) => setTimeout(() => resolve("waiting"), 400))]);
    expect(state).toBe("waiting");
    release();
    await saving;
    const batchId = await making;
    // 625 g: 300.00 + 45.00 + 10.00 = 355.00 RUB; 4 % of 645.00 = 25.80 RUB
    expect(await entryOf(batchId, order.id)).toMatchObject({ postageFee: 35500, declaredValueFee: 2580 });
    await db.setting.delete({ where: { key: POSTAL_TARIFF_KEY } });
  });

  it("come from the tariff when packed, follow weight and value, keep a fee typed over, and freeze when closed", async () => {
    signInAs("OWNER");
    const saved = await savePostalTariffAction(
      { status: "idle" },
      form({ firstStepPostage: "300", extraStepPostage: "45,00", stepGrams: "500", declaredValueRate: "4", parcelSurcharge: "10", intent: "save" }),
    );
    expect(saved.status).toBe("success");
    expect(await getPostalTariff()).toEqual(tariff);
    const audit = await db.auditLog.findFirst({ where: { actorId: users.OWNER.id, action: "logistics.postal-tariff" }, select: { data: true } });
    expect(audit?.data).toMatchObject({ before: { tariff: null }, after: { tariff } });

    // 2 × 625 g = 1,250 g: 300.00 + 2 × 45.00 + 10.00 = 400.00 RUB; 4 % of 1,290.00 = 51.60 RUB
    const order = await placeOrder(2, "80085100000028");
    const other = await placeOrder(1, "80085100000035");
    const batchId = await batchOf([order.id, other.id]);
    const entry = await entryOf(batchId, order.id);
    expect(entry).toMatchObject({ weightGrams: 1250, declaredValue: 129000, postageFee: 40000, declaredValueFee: 5160, postageFeeOverridden: false });
    // 625 g: 300.00 + 45.00 + 10.00 = 355.00 RUB; 4 % of 645.00 = 25.80 RUB
    expect(await entryOf(batchId, other.id)).toMatchObject({ postageFee: 35500, declaredValueFee: 2580 });

    // Weight and value edited: both fees recomputed. 1,600 g → 300.00 + 3 × 45.00 + 10.00 = 445.00; 4 % of 1,000.05 = 40.002 → 40.00
    await updateBatchParcel({ entryId: entry.id, weightGrams: 1600, declaredValue: 100005, actor: users.LOGISTICS });
    expect(await entryOf(batchId, order.id)).toMatchObject({ postageFee: 44500, declaredValueFee: 4000 });

    // The post office charged 420.50 RUB postage: typed over (through the page's form), kept when the weight changes again, while the value fee follows the value.
    signInAs("LOGISTICS");
    const typedOver = await updateBatchParcelAction(
      { status: "idle" },
      form({ entryId: entry.id, weightGrams: "1600", declaredValue: "1000.05", postageFee: "420,50", postageFeeShown: "445.00", declaredValueFee: "40.00", declaredValueFeeShown: "40.00" }),
    );
    expect(typedOver.status).toBe("success");
    expect(await entryOf(batchId, order.id)).toMatchObject({ postageFee: 42050, postageFeeOverridden: true, declaredValueFee: 4000, declaredValueFeeOverridden: false });
    // 2,400 g and 2,000.00 RUB: the typed postage stays; 4 % of 2,000.00 = 80.00 RUB
    await updateBatchParcelAction(
      { status: "idle" },
      form({ entryId: entry.id, weightGrams: "2400", declaredValue: "2000", postageFee: "420.50", postageFeeShown: "420.50", declaredValueFee: "40.00", declaredValueFeeShown: "40.00" }),
    );
    expect(await entryOf(batchId, order.id)).toMatchObject({ weightGrams: 2400, postageFee: 42050, postageFeeOverridden: true, declaredValueFee: 8000 });

    // A bad fee: explained, nothing changed, no audit entry.
    const before = await entryOf(batchId, order.id);
    const audits = await auditCount();
    const bad = await updateBatchParcelAction({ status: "idle" }, form({ entryId: entry.id, weightGrams: "1", declaredValue: "1", postageFee: "-5", postageFeeShown: "420.50" }));
    expect(bad).toMatchObject({ status: "error", fieldErrors: { postageFee: "Плата: сумма в рублях от 0 до 100 000." } });
    // A declared value with a third decimal is refused, not rounded to the kopeck.
    const fraction = await updateBatchParcelAction({ status: "idle" }, form({ entryId: entry.id, weightGrams: "2400", declaredValue: "2000.005" }));
    expect(fraction).toMatchObject({ status: "error", fieldErrors: { declaredValue: expect.any(String) } });
    await expect(updateBatchParcel({ entryId: entry.id, declaredValueFee: 1.5, actor: users.LOGISTICS })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await entryOf(batchId, order.id)).toEqual(before);
    expect(await auditCount()).toBe(audits);

    // A new tariff: the open batch follows it except for the typed postage. 2,400 g: 320.00 + 4 × 50.00 + 0 = 520.00; 3 % of 2,000.00 = 60.00
    const newer = { ...tariff, firstStepPostage: 32000, extraStepPostage: 5000, declaredValueRateBp: 300, parcelSurcharge: 0 };
    const { openParcelsUpdated } = await updatePostalTariff({ tariff: newer, actor: users.OWNER as never });
    expect(openParcelsUpdated).toBeGreaterThanOrEqual(2);
    expect(await entryOf(batchId, order.id)).toMatchObject({ postageFee: 42050, declaredValueFee: 6000 });
    expect(await entryOf(batchId, other.id)).toMatchObject({ postageFee: 37000, declaredValueFee: 1935 }); // 625 g: 320.00 + 50.00; 3 % of 645.00 = 19.35

    // The postage emptied on the page: back to the tariff (520.00 RUB).
    await updateBatchParcelAction({ status: "idle" }, form({ entryId: entry.id, weightGrams: "2400", declaredValue: "2000", postageFee: "", postageFeeShown: "420.50" }));
    expect(await entryOf(batchId, order.id)).toMatchObject({ postageFee: 52000, postageFeeOverridden: false });
    // The batches list sums both parcels' fees: 520.00 + 60.00 + 370.00 + 19.35 RUB.
    expect(await listedFees(batchId)).toEqual({ fees: 52000 + 6000 + 37000 + 1935, parcelsWithoutFee: 0 });

    // Closed: frozen against edits and against a new tariff.
    expect(await closeShippingBatch({ batchId, actor: users.LOGISTICS })).toEqual({ ok: true });
    const closed = await entryOf(batchId, order.id);
    await expect(updateBatchParcel({ entryId: entry.id, postageFee: 100, actor: users.LOGISTICS })).rejects.toMatchObject({ code: "CONFLICT" });
    await updatePostalTariff({ tariff, actor: users.OWNER as never });
    expect(await entryOf(batchId, order.id)).toEqual(closed);

    // The tariff removed: open batches' fees go blank again (not zero); typed ones stay.
    const open = await placeOrder(1, "80085100000042");
    const openBatch = await batchOf([open.id]);
    const openEntry = await entryOf(openBatch, open.id);
    await updateBatchParcel({ entryId: openEntry.id, declaredValueFee: 2222, actor: users.LOGISTICS });
    signInAs("OWNER");
    expect((await savePostalTariffAction({ status: "idle" }, form({ intent: "remove" }))).status).toBe("success");
    expect(await getPostalTariff()).toBeNull();
    expect(await entryOf(openBatch, open.id)).toMatchObject({ postageFee: null, declaredValueFee: 2222, declaredValueFeeOverridden: true });
    expect(await entryOf(batchId, order.id)).toEqual(closed);
  });

  it("print on the batch's f.103 with totals in digits and words, and the postage on f.116", async () => {
    await updatePostalTariff({ tariff, actor: users.OWNER as never });
    const first = await placeOrder(2, "80085100000059"); // 1,250 g → 400.00; 1,290.00 → 51.60
    const second = await placeOrder(1, "80085100000066"); // 625 g → 355.00; 645.00 → 25.80
    const batchId = await batchOf([first.id, second.id]);
    signInAs("LOGISTICS");
    const response = await batchForms(new NextRequest(`http://localhost/api/admin/logistics/batches/${batchId}/forms?forms=f103,f116`), {
      params: Promise.resolve({ id: batchId }),
    });
    expect(response.status).toBe(200);
    const texts = await pdfPageTexts(Buffer.from(await response.arrayBuffer()));
    const [f116first, , f116second, , f103] = texts as [string, string, string, string, string];
    expect(f116first).toContain("400,00");
    expect(f116second).toContain("355,00");
    expect(f103).toContain("400,00");
    expect(f103).toContain("51,60");
    // 400.00 + 355.00 = 755.00 RUB postage; 51.60 + 25.80 = 77.40 RUB for the declared value
    expect(f103).toContain("755,00 руб. (Семьсот пятьдесят пять рублей 00 копеек)");
    expect(f103).toContain("77,40 руб. (Семьдесят семь рублей 40 копеек)");

    // Forms printed for orders outside a batch compute the fees from the tariff too; without one they stay blank.
    expect((await loadPostalFormOrders([first.id]))[0]?.fees).toEqual({ postage: 40000, declaredValue: 5160 });
    await updatePostalTariff({ tariff: null, actor: users.OWNER as never });
    expect((await loadPostalFormOrders([first.id]))[0]?.fees).toBeUndefined();
  });
});
