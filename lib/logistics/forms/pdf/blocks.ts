// Pieces several forms share: the Russian Post header, the tracking-number barcode box, an
// amount in digits and words, the sender and recipient blocks, and the text of dates, weights and
// the sender's ID document.
import type { TShopRequisites } from "@/lib/settings/shop-requisites";
import { rublesDigits, rublesInWords } from "../amount-in-words";
import type { PostalFormOrder } from "../postal-form-order";
import type { Sheet } from "./sheet";

/** The form's frame, "ПОЧТА РОССИИ" and the form code in the top right corner. */
export function formHeader(sheet: Sheet, width: number, height: number, code: string) {
  sheet.rect(6, 6, width - 12, height - 12, { width: 0.4 });
  sheet.text(9, 8.5, 40, "ПОЧТА РОССИИ", { size: 9, font: "bold" });
  sheet.text(width - 48, 8.5, 39, code, { size: 8, align: "right" });
}

/** "80085123456780" → "800851 23 45678 0"; other formats as they are. */
export const trackingText = (tracking: string) => (/^\d{14}$/.test(tracking) ? `${tracking.slice(0, 6)} ${tracking.slice(6, 8)} ${tracking.slice(8, 13)} ${tracking.slice(13)}` : tracking);

/** The tracking-number box: its barcode and digits, or an empty place for the post office's label. */
export function trackingBox(sheet: Sheet, x: number, y: number, width: number, tracking: string | null) {
  sheet.rect(x, y, width, 22, { width: 0.25 });
  sheet.caption(x + 1.5, y + 0.8, width - 3, "ШПИ (почтовый идентификатор)");
  if (!tracking) return;
  sheet.barcode(x + 4, y + 4, width - 8, 12, tracking);
  sheet.text(x, y + 16.8, width, trackingText(tracking), { size: 9, align: "center", font: "bold" });
}

/** A money amount: "label ... 1 290,00 руб." and its words on a ruled line below. */
export function amountLine(sheet: Sheet, x: number, y: number, width: number, label: string, minor: number) {
  sheet.text(x, y, 52, label, { size: 8, font: "bold" });
  sheet.rect(x + 52, y - 1.2, 34, 5.4, { width: 0.2 });
  sheet.text(x + 53, y - 0.2, 32, `${rublesDigits(minor)} руб.`, { size: 9, align: "right", font: "bold" });
  sheet.text(x, y + 6, width, rublesInWords(minor), { size: 8 });
  sheet.line(x, y + 9.6, x + width, y + 9.6, { width: 0.15 });
  sheet.caption(x, y + 10, width, "(сумма прописью)", "center");
}

/** dd.mm.yyyy in Moscow time, as Russian Post dates its documents. */
export const formDate = (date: Date) => new Intl.DateTimeFormat("ru-RU", { timeZone: "Europe/Moscow", day: "2-digit", month: "2-digit", year: "numeric" }).format(date);

/** 1250 → "1,250" (kilograms with grams, as Russian Post writes weights). */
export const weightKg = (grams: number) => `${Math.trunc(grams / 1000)},${String(grams % 1000).padStart(3, "0")}`;

/** "Паспорт серия 4510 № 123456, выдан …, 01.02.2015", or "" when none is stored. */
export function idDocumentText(sender: TShopRequisites | null): string {
  if (!sender?.idDocumentType) return "";
  const [year, month, day] = sender.idDocumentIssuedOn.split("-");
  const series = sender.idDocumentSeries ? ` серия ${sender.idDocumentSeries}` : "";
  return `${sender.idDocumentType}${series} № ${sender.idDocumentNumber}, выдан ${sender.idDocumentIssuedBy}${day ? `, ${day}.${month}.${year}` : ""}`;
}

/** The recipient's block: name, address, phone and the postcode in boxes. */
export function recipientBlock(sheet: Sheet, x: number, y: number, width: number, order: PostalFormOrder, titles = { who: "Кому", where: "Куда" }) {
  sheet.field(x, y, width, titles.who, order.recipientName ?? "", { size: 10, font: "bold", lines: 2 });
  sheet.field(x, y + 12, width, titles.where, order.address ?? "", { size: 9, lines: 3 });
  sheet.field(x, y + 29, width - 30, "Тел.", order.phone ?? "", { size: 9 });
  sheet.caption(x + width - 28.5, y + 25.7, 28, "Индекс");
  sheet.digitBoxes(x + width - 28.5, y + 28.5, 6, order.postcode ?? "", { width: 4.7, height: 5.5, size: 10 });
}

/** The sender's block from the shop's requisites. */
export function senderBlock(sheet: Sheet, x: number, y: number, width: number, sender: TShopRequisites | null, titles = { who: "От кого", where: "Откуда" }) {
  sheet.field(x, y, width, titles.who, sender?.senderName ?? "", { size: 9, lines: 2 });
  sheet.field(x, y + 12, width, titles.where, sender?.address ?? "", { size: 8.5, lines: 3 });
  sheet.field(x, y + 29, width - 30, "Тел.", sender?.phone ?? "", { size: 9 });
  sheet.caption(x + width - 28.5, y + 25.7, 28, "Индекс");
  sheet.digitBoxes(x + width - 28.5, y + 28.5, 6, sender?.postcode ?? "", { width: 4.7, height: 5.5, size: 10 });
}
