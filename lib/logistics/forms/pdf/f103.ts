// Form 103, the list of a batch of parcels handed to the post office together: A4 landscape, as
// many sheets as the rows need. Header (list number, date, sender), a row per parcel (addressee,
// tracking number, weight, declared value, COD, fees), totals in digits and words, signatures.
// The fee totals in words are printed when any parcel's fee is known (a postal tariff is set or a
// fee was typed in); otherwise the fee cells stay blank for the post office, as before.
import type { TShopRequisites } from "@/lib/settings/shop-requisites";
import { countInWords, rublesDigits, rublesInWords } from "../amount-in-words";
import type { PostalBatch, PostalFormOrder } from "../postal-form-order";
import { formDate, trackingText, weightKg } from "./blocks";
import type { Sheet } from "./sheet";

const COLUMNS = [
  { title: "№ п/п", width: 10 },
  { title: "Адресат (ФИО, индекс, адрес)", width: 95 },
  { title: "ШПИ", width: 36 },
  { title: "Вес, кг", width: 16 },
  { title: "Объявленная ценность, руб.", width: 26 },
  { title: "Наложенный платёж, руб.", width: 26 },
  { title: "Плата за пересылку, руб.", width: 22 },
  { title: "Плата за объявл. ценность, руб.", width: 22 },
  { title: "Номер заказа", width: 28 },
] as const;
const LEFT = 8;
const ROW = 8;
const HEAD = 10;
const PAGE_BOTTOM = 200;
const FIRST_TOP = 44;
const NEXT_TOP = 20;
const FOOTER = 44;
/** Two more lines: the postage and the declared-value fee totals in words. */
const FOOTER_WITH_FEES = 56;

const sumOf = (values: (number | null | undefined)[]) => (values.every((value) => value == null) ? null : values.reduce<number>((sum, value) => sum + (value ?? 0), 0));

/** How many rows each sheet holds: the last one keeps room for totals (with fees: two more lines) and signatures. */
export function f103Pages(rows: number, withFees = false): number[] {
  const first = Math.floor((PAGE_BOTTOM - FIRST_TOP - HEAD) / ROW);
  const next = Math.floor((PAGE_BOTTOM - NEXT_TOP - HEAD) / ROW);
  const pages: number[] = [];
  let left = rows;
  let capacity = first;
  for (;;) {
    const lastCapacity = capacity - Math.ceil((withFees ? FOOTER_WITH_FEES : FOOTER) / ROW);
    if (left <= lastCapacity) {
      pages.push(left);
      return pages;
    }
    const take = Math.min(left, capacity);
    pages.push(take);
    left -= take;
    capacity = next;
  }
}

export function drawF103(sheet: Sheet, orders: PostalFormOrder[], sender: TShopRequisites | null, batch: PostalBatch) {
  const pages = f103Pages(orders.length, hasFees(orders));
  let index = 0;
  pages.forEach((count, page) => {
    sheet.page("A4", true);
    sheet.text(200, 7, 89, `ф. 103 · Лист ${page + 1} из ${pages.length}`, { size: 7.5, align: "right" });
    let top = NEXT_TOP;
    if (page === 0) {
      sheet.text(8, 10, 281, `СПИСОК № ${batch.number}`, { size: 13, font: "bold", align: "center" });
      sheet.text(8, 16.5, 281, `партионных почтовых отправлений от ${formDate(batch.date)}`, { size: 10, align: "center" });
      sheet.field(8, 22, 281, "Вид и категория отправлений", "Посылка с объявленной ценностью и наложенным платежом", { size: 9, labelWidth: 42 });
      const senderLine = sender ? `${sender.senderName}, ИНН ${sender.inn}${sender.kpp ? `, КПП ${sender.kpp}` : ""}, ${sender.postcode}, ${sender.address}, тел. ${sender.phone}` : "";
      sheet.field(8, 29, 281, "Отправитель", senderLine, { size: 9, labelWidth: 20 });
      top = FIRST_TOP;
    } else {
      sheet.text(8, 10, 200, `Список № ${batch.number} от ${formDate(batch.date)} (продолжение)`, { size: 9 });
    }
    header(sheet, top);
    for (let row = 0; row < count; row += 1, index += 1) drawRow(sheet, top + HEAD + row * ROW, index + 1, orders[index]!);
    if (page === pages.length - 1) footer(sheet, top + HEAD + count * ROW, orders, sender);
  });
}

/** Whether any parcel has a fee to print (else the fee columns stay blank and there are no fee totals). */
export function hasFees(orders: PostalFormOrder[]): boolean {
  return orders.some((order) => order.fees?.postage != null || order.fees?.declaredValue != null);
}

function header(sheet: Sheet, top: number) {
  let x = LEFT;
  for (const column of COLUMNS) {
    sheet.rect(x, top, column.width, HEAD, { width: 0.25, fill: "#eeeeee" });
    sheet.text(x + 0.8, top + 1.2, column.width - 1.6, column.title, { size: 6.5, font: "condensedBold", align: "center", lines: 3 });
    x += column.width;
  }
}

function cells(sheet: Sheet, top: number, values: string[], bold = false) {
  let x = LEFT;
  COLUMNS.forEach((column, index) => {
    sheet.rect(x, top, column.width, ROW, { width: 0.15 });
    const value = values[index] ?? "";
    if (index === 1) sheet.text(x + 1, top + 0.9, column.width - 2, value, { size: 6.8, font: bold ? "condensedBold" : "condensed", lines: 2 });
    else sheet.text(x + 0.8, top + 2.4, column.width - 1.6, value, { size: 7.5, font: bold ? "condensedBold" : "condensed", align: index === 0 ? "center" : "right" });
    x += column.width;
  });
}

function drawRow(sheet: Sheet, top: number, number: number, order: PostalFormOrder) {
  cells(sheet, top, [
    String(number),
    `${order.recipientName ?? ""}, ${order.postcode ?? ""}, ${order.address ?? ""}`,
    order.trackingNumber ? trackingText(order.trackingNumber) : "",
    order.weightGrams === null ? "" : weightKg(order.weightGrams),
    rublesDigits(order.declaredValue),
    rublesDigits(order.codAmount),
    order.fees?.postage == null ? "" : rublesDigits(order.fees.postage),
    order.fees?.declaredValue == null ? "" : rublesDigits(order.fees.declaredValue),
    String(order.orderNumber),
  ]);
}

function footer(sheet: Sheet, top: number, orders: PostalFormOrder[], sender: TShopRequisites | null) {
  const weight = orders.reduce((sum, order) => sum + (order.weightGrams ?? 0), 0);
  const declared = orders.reduce((sum, order) => sum + order.declaredValue, 0);
  const cod = orders.reduce((sum, order) => sum + order.codAmount, 0);
  const postage = sumOf(orders.map((order) => order.fees?.postage));
  const valueFee = sumOf(orders.map((order) => order.fees?.declaredValue));
  cells(
    sheet,
    top,
    [
      "",
      `Итого: ${orders.length}`,
      "",
      weightKg(weight),
      rublesDigits(declared),
      rublesDigits(cod),
      postage === null ? "" : rublesDigits(postage),
      valueFee === null ? "" : rublesDigits(valueFee),
      "",
    ],
    true,
  );
  const y = top + ROW + 3;
  sheet.field(8, y, 281, "Всего отправлений", `${orders.length} (${countInWords(orders.length).toLowerCase()})`, { size: 8.5, labelWidth: 32 });
  sheet.field(8, y + 6, 281, "Общий вес, кг", weightKg(weight), { size: 8.5, labelWidth: 32 });
  sheet.field(8, y + 12, 281, "Объявленная ценность", `${rublesDigits(declared)} руб. (${rublesInWords(declared)})`, { size: 8.5, labelWidth: 32 });
  sheet.field(8, y + 18, 281, "Наложенный платёж", `${rublesDigits(cod)} руб. (${rublesInWords(cod)})`, { size: 8.5, labelWidth: 32 });
  let signatures = y + 26;
  if (postage !== null || valueFee !== null) {
    // A fee column some parcels left blank still totals the known fees: the words say what the digits say.
    const feeLine = (value: number | null) => (value === null ? "" : `${rublesDigits(value)} руб. (${rublesInWords(value)})`);
    sheet.field(8, y + 24, 281, "Плата за пересылку", feeLine(postage), { size: 8.5, labelWidth: 32 });
    sheet.field(8, y + 30, 281, "Плата за объявленную ценность", feeLine(valueFee), { size: 8.5, labelWidth: 42 });
    signatures += 12;
  }
  sheet.field(8, signatures, 130, "Сдал", sender?.senderName ?? "", { size: 8.5, labelWidth: 10 });
  sheet.field(150, signatures, 139, "Принял", "", { size: 8.5, labelWidth: 12 });
  sheet.caption(150, signatures + 7, 139, "(должность, подпись, оттиск КПШ)", "center");
}
