// The demo's sender and bank details pass the settings page's validation (INN and account check
// digits) and print every Russian Post form for a demo-like COD order; the demo tariff is a valid
// tariff whose fees print on f.103.
import { describe, expect, it } from "vitest";
import type { PostalFormOrder } from "@/lib/logistics/forms/postal-form-order";
import { computeParcelFees, ZPostalTariff } from "@/lib/logistics/fees/postal-tariff";
import { renderPostalForms } from "@/lib/logistics/forms/render-postal-forms";
import { ZShopRequisites } from "@/lib/settings/shop-requisites";
import { pdfPageTexts } from "@/tests/helpers/pdf-pages";
import { DEMO_POSTAL_TARIFF, DEMO_REQUISITES } from "./seed-demo-requisites";

const order: PostalFormOrder = {
  orderId: "demo-order",
  orderNumber: 1001,
  recipientName: "Петрова Анна Сергеевна",
  address: "ул. Ленина, д. 5, кв. 12, г. Казань",
  postcode: "420111",
  phone: "+7 917 555-12-34",
  declaredValue: 195000, // 1,950.00 RUB
  codAmount: 195000, // 1,950.00 RUB
  trackingNumber: "80085123456780",
  weightGrams: 500,
};

describe("demo requisites", { timeout: 60_000 }, () => {
  it("are valid shop requisites with an ID document for f.116", () => {
    const parsed = ZShopRequisites.safeParse(DEMO_REQUISITES);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toMatchObject({ inn: "771635091207", idDocumentNumber: "123456" });
  });

  it("print f.7p, f.112EP, f.116 and f.103 with the demo sender", async () => {
    const sender = ZShopRequisites.parse(DEMO_REQUISITES);
    const texts = await pdfPageTexts(await renderPostalForms({ orders: [order], forms: ["f7p", "f112ep", "f116", "f103"], sender }));
    expect(texts.length).toBeGreaterThanOrEqual(4);
    expect(texts.join("\n")).toContain("ИП Лавкин Илья Петрович");
  });

  it("have a tariff whose fees print on f.103", async () => {
    const tariff = ZPostalTariff.parse(DEMO_POSTAL_TARIFF);
    const fees = computeParcelFees(tariff, { weightGrams: 500, declaredValue: order.declaredValue });
    expect(fees).toEqual({ postage: 32500, declaredValue: 7800 }); // 325.00 RUB for 500 g; 4 % of 1,950.00 = 78.00 RUB
    const [f103] = await pdfPageTexts(await renderPostalForms({ orders: [{ ...order, fees }], forms: ["f103"], sender: ZShopRequisites.parse(DEMO_REQUISITES) }));
    expect(f103).toContain("325,00 руб. (Триста двадцать пять рублей 00 копеек)");
    expect(f103).toContain("78,00 руб. (Семьдесят восемь рублей 00 копеек)");
  });
});
