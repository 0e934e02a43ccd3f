// Each Russian Post form rendered for a sample order and read back as a viewer shows it (pdf.js):
// paper sizes, the fields and the sums in words in the text, and every page compared as an image
// with the committed references in tests/fixtures/postal-forms (UPDATE_POSTAL_FORM_FIXTURES=1
// rewrites them after an intended layout change). Refusals name every order and reason. The
// sample parcel carries postal fees (a 300.00 RUB first 500 g + 45.00 RUB per further 500 g, 4 %
// of the declared value tariff), so f.103 and f.116 print them; without fees the cells stay blank.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { ZShopRequisites } from "@/lib/settings/shop-requisites";
import { pdfPagePngs, pdfPageSizes, pdfPageTexts } from "@/tests/helpers/pdf-pages";
import { f103Pages } from "./pdf/f103";
import type { PostalFormOrder } from "./postal-form-order";
import { renderPostalForms } from "./render-postal-forms";

const FIXTURES = path.join(process.cwd(), "tests", "fixtures", "postal-forms");

const sender = ZShopRequisites.parse({
  senderName: "ИП Иванов Иван Иванович",
  address: "г. Москва, ул. Тверская, д. 7, кв. 15",
  postcode: "125009",
  phone: "+7 495 123-45-67",
  inn: "500100732259",
  bankName: "ПАО Сбербанк",
  bik: "044525225",
  correspondentAccount: "30101810400000000225",
  settlementAccount: "40702810938000012345",
  idDocumentType: "Паспорт",
  idDocumentSeries: "45 10",
  idDocumentNumber: "123456",
  idDocumentIssuedBy: "ОВД района Тверской г. Москвы",
  idDocumentIssuedOn: "2015-02-01",
});

const order: PostalFormOrder = {
  orderId: "order-1001",
  orderNumber: 1001,
  recipientName: "Петрова Анна Сергеевна",
  address: "ул. Ленина, д. 5, кв. 12, г. Казань, Республика Татарстан",
  postcode: "420111",
  phone: "+7 917 555-12-34",
  declaredValue: 150000, // 1,500.00 RUB
  codAmount: 129000, // 1,290.00 RUB
  trackingNumber: "80085123456780",
  weightGrams: 1250,
  fees: {
    postage: 39000, // 390.00 RUB: 300.00 + 2 × 45.00 for 1,250 g
    declaredValue: 6000, // 60.00 RUB: 4 % of 1,500.00
  },
};
const batch = { number: "42", date: new Date("2026-12-06T10:00:00Z") };
const squeeze = (text: string) => text.replace(/\s+/g, "");

// Rendering and rasterising take a few seconds on a loaded 2-core machine.
describe("renderPostalForms", { timeout: 60_000 }, () => {
  it("prints every form on its paper with the order's fields and the sums in words", async () => {
    const pdf = await renderPostalForms({ orders: [order], forms: ["f103", "f7p", "f116", "f112ep"], sender, batch });
    // Per order f.7p, f.112EP, f.116 (front and back), then the batch list: A5 landscape ×4, A4 landscape.
    expect(await pdfPageSizes(pdf)).toEqual([
      [210, 148],
      [210, 148],
      [210, 148],
      [210, 148],
      [297, 210],
    ]);
    const [f7p, f112ep, f116, f116back, f103] = (await pdfPageTexts(pdf)) as [string, string, string, string, string];

    expect(f7p).toContain("АДРЕСНЫЙ ЯРЛЫК");
    expect(f7p).toContain("800851 23 45678 0");
    expect(f7p).toContain("1 500,00 руб.");
    expect(f7p).toContain("Одна тысяча пятьсот рублей 00 копеек");
    expect(f7p).toContain("1 290,00 руб.");
    expect(f7p).toContain("Одна тысяча двести девяносто рублей 00 копеек");
    expect(f7p).toContain("Петрова Анна Сергеевна");
    expect(f7p).toContain("ул. Ленина, д. 5, кв. 12, г. Казань");
    expect(f7p).toContain("ИП Иванов Иван Иванович");
    expect(squeeze(f7p)).toContain("420111");

    expect(f112ep).toContain("ПОЧТОВЫЙ ПЕРЕВОД");
    expect(f112ep).toContain("Одна тысяча двести девяносто рублей 00 копеек");
    expect(squeeze(f112ep)).toContain("1290руб.00коп.");
    expect(squeeze(f112ep)).toContain(sender.inn);
    expect(squeeze(f112ep)).toContain(sender.bik);
    expect(squeeze(f112ep)).toContain(sender.correspondentAccount);
    expect(squeeze(f112ep)).toContain(sender.settlementAccount);
    expect(f112ep).toContain("ПАО Сбербанк");
    expect(f112ep).toContain("Наложенный платёж по заказу № 1001");
    // Payee is the shop, payer the buyer.
    expect(f112ep.indexOf("ИП Иванов")).toBeLessThan(f112ep.indexOf("Петрова Анна Сергеевна"));

    expect(f116).toContain("СОПРОВОДИТЕЛЬНЫЙ АДРЕС");
    expect(f116).toContain("Одна тысяча пятьсот рублей 00 копеек");
    expect(f116).toContain("Одна тысяча двести девяносто рублей 00 копеек");
    expect(f116).toContain("Паспорт серия 45 10 № 123456, выдан ОВД района Тверской г. Москвы, 01.02.2015");
    expect(f116).toContain("1,250");
    expect(f116).toContain("Плата за пересылку, руб.");
    expect(f116).toContain("390,00");
    expect(f116back).toContain("ОТРЕЗНОЙ ТАЛОН");

    expect(f103).toContain("СПИСОК № 42");
    expect(f103).toContain("06.12.2026");
    expect(f103).toContain("ИНН 500100732259");
    expect(f103).toContain("800851 23 45678 0");
    expect(f103).toContain("1 (один)");
    expect(f103).toContain("1 500,00 руб. (Одна тысяча пятьсот рублей 00 копеек)");
    expect(f103).toContain("1 290,00 руб. (Одна тысяча двести девяносто рублей 00 копеек)");
    // The fee cells of the row and of the totals, and the fee totals in words.
    expect(f103.match(/390,00/g)).toHaveLength(3);
    expect(f103.match(/60,00/g)).toHaveLength(3);
    expect(f103).toContain("390,00 руб. (Триста девяносто рублей 00 копеек)");
    expect(f103).toContain("60,00 руб. (Шестьдесят рублей 00 копеек)");
  });

  it("leaves the fee cells blank and prints no fee totals when no fee is known", async () => {
    const { fees: _fees, ...withoutFees } = order;
    const [f116, , f103] = (await pdfPageTexts(await renderPostalForms({ orders: [withoutFees], forms: ["f116", "f103"], sender, batch }))) as [string, string, string];
    expect(f116).not.toContain("390,00");
    expect(f103).not.toContain("390,00");
    expect(f103).not.toContain("60,00");
    expect(f103).not.toContain("Плата за объявленную ценность");
    // A fee known for some parcels only: the totals add the known ones.
    const mixed = [order, { ...withoutFees, orderId: "o-2", orderNumber: 1002, trackingNumber: "80085123456797" }];
    const [mixedF103] = await pdfPageTexts(await renderPostalForms({ orders: mixed, forms: ["f103"], sender, batch }));
    expect(mixedF103).toContain("390,00 руб. (Триста девяносто рублей 00 копеек)");
  });

  it("looks like the reference pages", async () => {
    const pdf = await renderPostalForms({ orders: [order], forms: ["f7p", "f112ep", "f116", "f103"], sender, batch });
    const pages = await pdfPagePngs(pdf, 72);
    const names = ["f7p", "f112ep", "f116-front", "f116-back", "f103"];
    if (process.env.UPDATE_POSTAL_FORM_FIXTURES) {
      mkdirSync(FIXTURES, { recursive: true });
      pages.forEach((png, index) => writeFileSync(path.join(FIXTURES, `${names[index]}.png`), png));
    }
    for (const [index, png] of pages.entries()) {
      const file = path.join(FIXTURES, `${names[index]}.png`);
      expect(existsSync(file), `${file} (run with UPDATE_POSTAL_FORM_FIXTURES=1)`).toBe(true);
      const actual = PNG.sync.read(png);
      const expected = PNG.sync.read(readFileSync(file));
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      const differing = pixelmatch(actual.data, expected.data, null, actual.width, actual.height, { threshold: 0.2 });
      // Antialiasing may differ between canvas builds; a moved field changes thousands of pixels.
      expect(differing / (actual.width * actual.height), names[index]).toBeLessThan(0.0005);
    }
  });

  it("lists every order and what it lacks, and renders nothing", async () => {
    const noPostcode = { ...order, orderId: "o-2", orderNumber: 1002, postcode: null };
    const prepaid = { ...order, orderId: "o-3", orderNumber: 1003, codAmount: 0, trackingNumber: null, weightGrams: null };
    const error = await renderPostalForms({ orders: [order, noPostcode, prepaid], forms: ["f7p", "f112ep", "f103"], sender, batch }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    expect((error as AppError).fieldErrors).toEqual({
      "orders.1002": ["logisticsForms.problems.postcodeInvalid"],
      "orders.1003": ["logisticsForms.problems.notCod", "logisticsForms.problems.noTracking", "logisticsForms.problems.noWeight"],
    });
    // The same prepaid order is fine for the label alone.
    await expect(renderPostalForms({ orders: [prepaid], forms: ["f7p"], sender, batch })).resolves.toBeInstanceOf(Buffer);
  });

  it("needs the shop's requisites for the forms that print them", async () => {
    const error = (await renderPostalForms({ orders: [order], forms: ["f112ep"], sender: null }).catch((caught: unknown) => caught)) as AppError;
    expect(error.fieldErrors).toEqual({ requisites: ["logisticsForms.problems.requisitesMissing"] });
    await expect(renderPostalForms({ orders: [order], forms: [], sender })).rejects.toThrow();
    await expect(renderPostalForms({ orders: [order], forms: ["f9" as never], sender })).rejects.toThrow();
  });

  it("spreads a long batch list over sheets with the totals on the last", async () => {
    const orders = Array.from({ length: 45 }, (_, index) => ({
      ...order,
      orderId: `o-${index}`,
      orderNumber: 2000 + index,
      trackingNumber: `800851234567${String(index).padStart(2, "0")}`,
    }));
    const pdf = await renderPostalForms({ orders, forms: ["f103"], sender, batch });
    const texts = await pdfPageTexts(pdf);
    const layout = f103Pages(45, true);
    expect(layout.reduce((sum, rows) => sum + rows, 0)).toBe(45);
    expect(texts).toHaveLength(layout.length);
    expect(texts.at(-1)).toContain("45 (сорок пять)");
    // 45 × 1,290.00 = 58,050.00 RUB
    expect(texts.at(-1)).toContain("58 050,00 руб. (Пятьдесят восемь тысяч пятьдесят рублей 00 копеек)");
    expect(texts.at(-1)).toContain("56,250"); // 45 × 1.250 kg
    // 45 × 390.00 = 17,550.00 RUB postage, 45 × 60.00 = 2,700.00 RUB for the declared value
    expect(texts.at(-1)).toContain("17 550,00 руб. (Семнадцать тысяч пятьсот пятьдесят рублей 00 копеек)");
    expect(texts.at(-1)).toContain("2 700,00 руб. (Две тысячи семьсот рублей 00 копеек)");
    expect(texts[0]).toContain(`Лист 1 из ${layout.length}`);
    expect(texts.join(" ")).toContain("2044");
  });
});
