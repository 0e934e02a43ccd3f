// GET /api/admin/logistics/forms against a real PostgreSQL: who may print (LOGISTICS, MANAGER,
// OWNER; not OPERATOR, ACCOUNTANT, a partner or anyone signed out), the PDF download itself built
// from the stored orders (address, totals, COD, product weights) and the shop's saved requisites,
// and bad input listed per order with nothing rendered. Also the requisites' save (OWNER only,
// validated, audited).
import { randomUUID } from "node:crypto";
import type * as NextAuthModule from "next-auth";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as batchForms } from "@/app/api/admin/logistics/batches/[id]/forms/route";
import { GET } from "@/app/api/admin/logistics/forms/route";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { createShippingBatch } from "@/lib/logistics/batches/create-shipping-batch";
import { loadPostalFormOrders } from "@/lib/logistics/forms/load-postal-form-orders";
import { getShopRequisites } from "@/lib/settings/get-shop-requisites";
import { SHOP_REQUISITES_KEY } from "@/lib/settings/shop-requisites";
import { updateShopRequisites } from "@/lib/settings/update-shop-requisites";
import { pdfPageTexts } from "@/tests/helpers/pdf-pages";
import { SETTING_TURN_TIMEOUT_MS, SETTING_TURNS, takeSettingTurn } from "@/tests/helpers/setting-turn";

const session = vi.hoisted(() => ({ current: null as null | { actor: unknown } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const messages = (await import("@/messages/ru.json")).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "ru", messages, namespace: namespace as never }), getLocale: async () => "ru" };
});

const run = randomUUID().slice(0, 8);
const users = {} as Record<Role, { id: string; role: Role; name: string; email: string; sessionVersion: number }>;
let partner = { id: "", login: "", name: "", email: "", sessionVersion: 0 };
let productId = "";
let customerId = "";
const orders = { cod: { id: "", number: 0 }, noPostcode: { id: "", number: 0 }, prepaid: { id: "", number: 0 }, usd: { id: "", number: 0 } };
let storedRequisites: unknown = null;
let endSettingTurn: (() => Promise<void>) | undefined;
const batchIds: string[] = [];

const requisites = {
  senderName: "ИП Иванов Иван Иванович",
  address: "г. Москва, ул. Тверская, д. 7, кв. 15",
  postcode: "125009",
  phone: "+7 495 123-45-67",
  inn: "5001 0073 2259",
  bankName: "ПАО Сбербанк",
  bik: "044525225",
  correspondentAccount: "30101810400000000225",
  settlementAccount: "40702810938000012345",
};

function signInAs(who: Role | "partner" | null) {
  session.current = who === null ? null : who === "partner" ? { actor: { kind: "partner", ...partner } } : { actor: { kind: "staff", ...users[who] } };
}

const request = (query: string) => GET(new NextRequest(`http://localhost/api/admin/logistics/forms?${query}`));

beforeAll(async () => {
  // The requisites are the shop's: logistics-fees saves the same ones (so this file's save would
  // change nothing and audit nothing), and puts back what it found when it ends.
  endSettingTurn = await takeSettingTurn(SETTING_TURNS.shop);
  storedRequisites = (await db.setting.findUnique({ where: { key: SHOP_REQUISITES_KEY }, select: { value: true } }))?.value ?? null;
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
    users[role] = await db.user.create({
      data: { email: `${role.toLowerCase()}-${run}@forms.test`, name: `${role} ${run}`, passwordHash: "x", role },
      select: { id: true, role: true, name: true, email: true, sessionVersion: true },
    });
  }
  partner = await db.partner.create({
    data: { login: `forms-${run}`, email: `forms-${run}@partners.test`, name: "Forms Partner", passwordHash: "x", status: "ACTIVE" },
    select: { id: true, login: true, name: true, email: true, sessionVersion: true },
  });
  for (const code of ["RUB", "USD"]) await db.currency.upsert({ where: { code }, update: {}, create: { code, name: code, symbol: code } });
  productId = (await db.product.create({ data: { slug: `forms-${run}`, name: `Часы ${run}`, currency: "RUB", weightGrams: 625 }, select: { id: true } })).id;
  customerId = (await db.customer.create({ data: { name: `Петрова ${run}` }, select: { id: true } })).id;
  const base = {
    customerId,
    productId,
    region: "RU" as const,
    country: "RU",
    customerName: "Петрова Анна Сергеевна",
    phone: "+79175551234",
    postcode: "420111",
    province: "Республика Татарстан",
    city: "г. Казань",
    street: "ул. Ленина",
    house: "5",
    flat: "12",
    currency: "RUB",
    itemsTotal: 129000, // 1,290.00 RUB
    total: 129000,
    paymentMethod: "COD" as const,
    status: "CONFIRMED" as const,
    trackingNumber: "80085123456780",
    items: { create: [{ productId, productName: "Часы", quantity: 2, unitPrice: 64500, total: 129000 }] },
  };
  const create = (data: object) => db.order.create({ data: { ...base, ...data } as never, select: { id: true, number: true } });
  orders.cod = await create({});
  orders.noPostcode = await create({ postcode: null });
  orders.prepaid = await create({ paymentMethod: "PREPAID", paymentStatus: "PAID", trackingNumber: null });
  orders.usd = await create({ currency: "USD" });
}, SETTING_TURN_TIMEOUT_MS);

afterAll(async () => {
  try {
    const userIds = Object.values(users).map((user) => user.id);
    await db.shippingBatch.deleteMany({ where: { id: { in: batchIds } } });
    await db.order.deleteMany({ where: { productId } });
    await db.product.deleteMany({ where: { id: productId } });
    await db.customer.deleteMany({ where: { id: customerId } });
    await db.partner.deleteMany({ where: { id: partner.id } });
    await db.auditLog.deleteMany({ where: { actorId: { in: userIds } } });
    await db.user.deleteMany({ where: { id: { in: userIds } } });
    if (storedRequisites === null) await db.setting.deleteMany({ where: { key: SHOP_REQUISITES_KEY } });
    else await db.setting.update({ where: { key: SHOP_REQUISITES_KEY }, data: { value: storedRequisites as never } });
  } finally {
    await endSettingTurn?.();
  }
  await disconnectDb();
});

describe("shop requisites", () => {
  it("are saved by the owner only, validated with check digits, and audited", async () => {
    await expect(updateShopRequisites(requisites, users.MANAGER)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const wrong = await updateShopRequisites({ ...requisites, inn: "500100732258", settlementAccount: "40702810838000012345" }, users.OWNER).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).fieldErrors).toEqual({ inn: ["settings.errors.innInvalid"], settlementAccount: ["settings.errors.accountKeyInvalid"] });

    const saved = await updateShopRequisites(requisites, users.OWNER, { ip: "203.0.113.7" });
    expect(saved.inn).toBe("500100732259"); // spaces dropped
    expect(await getShopRequisites()).toMatchObject({ inn: "500100732259", bik: "044525225" });
    const audit = await db.auditLog.findFirst({ where: { actorId: users.OWNER.id, action: "settings.requisites.update" }, select: { data: true, ip: true } });
    expect(audit?.ip).toBe("203.0.113.7");
    expect(audit?.data).toMatchObject({ inn: { to: "500100732259" } });
  });
});

describe("GET /api/admin/logistics/forms", () => {
  it.each([
    ["LOGISTICS", 200],
    ["MANAGER", 200],
    ["OWNER", 200],
    ["OPERATOR", 403],
    ["ACCOUNTANT", 403],
    ["partner", 403],
    [null, 401],
  ] as const)("%s → %i", async (who, status) => {
    signInAs(who);
    const response = await request(`orders=${orders.cod.id}&forms=f7p`);
    expect(response.status).toBe(status);
    if (status !== 200) expect(response.headers.get("content-type")).toContain("application/json");
  });

  it("answers the order's forms as a PDF download built from the stored order", async () => {
    signInAs("LOGISTICS");
    const response = await request(`orders=${orders.cod.id}&forms=f112ep,f7p,f103`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="order-${orders.cod.number}-f7p-f112ep-f103.pdf"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const texts = await pdfPageTexts(Buffer.from(await response.arrayBuffer()));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain("ул. Ленина, д. 5, кв. 12, г. Казань, Республика Татарстан");
    expect(texts[0]).toContain("Одна тысяча двести девяносто рублей 00 копеек");
    expect(texts[1]).toContain("ИП Иванов Иван Иванович");
    expect(texts[1]).toContain(`Наложенный платёж по заказу № ${orders.cod.number}`);
    expect(texts[2]).toContain("1,250"); // 2 × 625 g
  });

  it("lists every order that cannot be printed, with the reason in Russian, and no PDF", async () => {
    signInAs("LOGISTICS");
    const response = await request(`orders=${orders.cod.id},${orders.noPostcode.id},${orders.prepaid.id}&forms=f7p,f112ep,f103`);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { message: string; fieldErrors: Record<string, string[]> } };
    expect(body.error.fieldErrors).toEqual({
      [`orders.${orders.noPostcode.number}`]: ["нет шестизначного индекса"],
      [`orders.${orders.prepaid.number}`]: ["не наложенный платёж (ф. 112ЭП только для наложенного платежа)", "нет трек-номера (ШПИ)"],
    });
    expect(body.error.message).toContain(`Заказ ${orders.noPostcode.number}: нет шестизначного индекса`);
  });

  it("refuses foreign-currency orders, unknown orders and unknown forms", async () => {
    signInAs("MANAGER");
    const usd = await request(`orders=${orders.usd.id}&forms=f7p`);
    expect(usd.status).toBe(422);
    expect(((await usd.json()) as { error: { fieldErrors: object } }).error.fieldErrors).toEqual({ [`orders.${orders.usd.number}`]: ["не в рублях"] });
    expect((await request(`orders=missing-${run}&forms=f7p`)).status).toBe(404);
    expect((await request(`orders=${orders.cod.id}&forms=f9`)).status).toBe(422);
    expect((await request(`orders=&forms=f7p`)).status).toBe(422);
  });

  it("loads prepaid orders with nothing to collect", async () => {
    const [prepaid] = await loadPostalFormOrders([orders.prepaid.id]);
    expect(prepaid).toMatchObject({ codAmount: 0, declaredValue: 129000, weightGrams: 1250, postcode: "420111" });
  });
});

describe("GET /api/admin/logistics/batches/<id>/forms", () => {
  const batchOf = async (orderIds: string[]) => {
    const result = await createShippingBatch({ orderIds, actor: users.LOGISTICS });
    if (!result.ok) throw new Error(`batch refused: ${JSON.stringify(result.problems)}`);
    batchIds.push(result.batchId);
    return result.batchId;
  };
  const batchRequest = (id: string, forms: string) =>
    batchForms(new NextRequest(`http://localhost/api/admin/logistics/batches/${id}/forms?forms=${forms}`), { params: Promise.resolve({ id }) });

  it("lists every parcel that cannot be printed in the reader's language, and no PDF", async () => {
    signInAs("LOGISTICS");
    const id = await batchOf([orders.noPostcode.id]);
    const response = await batchRequest(id, "f103,f7p");
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { error: { message: string; fieldErrors: Record<string, string[]> } };
    expect(body.error.fieldErrors).toEqual({ [`orders.${orders.noPostcode.number}`]: ["нет шестизначного индекса"] });
    expect(body.error.message).toContain(`Заказ ${orders.noPostcode.number}: нет шестизначного индекса`);
    expect(body.error.message).not.toContain("logisticsForms.");
  });

  it("answers the batch's forms as one PDF when every parcel can be printed", async () => {
    signInAs("LOGISTICS");
    const id = await batchOf([orders.cod.id]);
    const response = await batchRequest(id, "f103,f7p");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(await pdfPageTexts(Buffer.from(await response.arrayBuffer()))).toHaveLength(2);
  });
});
