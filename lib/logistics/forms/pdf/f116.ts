// Form 116, the accompanying address of a parcel with declared value and COD: A5 landscape, two
// sides. Front: amounts in digits and words, recipient and sender, weight, the sender's ID
// document. Back: the recipient's receipt part and the tear-off coupon the post office keeps.
import type { TShopRequisites } from "@/lib/settings/shop-requisites";
import { rublesDigits } from "../amount-in-words";
import type { PostalFormOrder } from "../postal-form-order";
import { amountLine, formHeader, idDocumentText, recipientBlock, senderBlock, trackingBox, trackingText, weightKg } from "./blocks";
import type { Sheet } from "./sheet";

export function drawF116(sheet: Sheet, order: PostalFormOrder, sender: TShopRequisites | null) {
  sheet.page("A5", true);
  formHeader(sheet, 210, 148, "ф. 116");
  sheet.text(9, 14, 120, "СОПРОВОДИТЕЛЬНЫЙ АДРЕС", { size: 13, font: "bold" });
  sheet.text(9, 20.5, 120, "к посылке", { size: 9 });
  sheet.checkbox(9, 25.5, order.declaredValue > 0, "с объявленной ценностью");
  sheet.checkbox(62, 25.5, order.codAmount > 0, "с наложенным платежом");
  trackingBox(sheet, 132, 12, 70, order.trackingNumber);

  amountLine(sheet, 9, 37, 192, "Объявленная ценность", order.declaredValue);
  amountLine(sheet, 9, 52, 192, "Наложенный платёж", order.codAmount);
  sheet.line(6, 66, 204, 66, { width: 0.3 });

  recipientBlock(sheet, 9, 68, 94, order);
  sheet.line(107, 66, 107, 106, { width: 0.3 });
  senderBlock(sheet, 111, 68, 90, sender, { who: "От кого", where: "Адрес отправителя" });
  sheet.line(6, 106, 204, 106, { width: 0.3 });

  sheet.caption(9, 107.5, 40, "Вес, кг");
  sheet.rect(9, 110.5, 28, 6, { width: 0.2 });
  sheet.text(10, 111.6, 26, order.weightGrams === null ? "" : weightKg(order.weightGrams), { size: 9.5, align: "center", font: "bold" });
  sheet.caption(41, 107.5, 40, "Плата за пересылку, руб.");
  sheet.rect(41, 110.5, 30, 6, { width: 0.2 });
  sheet.text(42, 111.6, 28, order.fees?.postage == null ? "" : rublesDigits(order.fees.postage), { size: 9.5, align: "center" });
  sheet.caption(75, 107.5, 40, "Заказ №");
  sheet.rect(75, 110.5, 26, 6, { width: 0.2 });
  sheet.text(76, 111.6, 24, String(order.orderNumber), { size: 9.5, align: "center" });
  sheet.caption(111, 107.5, 90, "Оттиск КПШ места приёма");
  sheet.rect(111, 110.5, 90, 12, { width: 0.15 });

  sheet.caption(9, 119, 100, "Заполняется отправителем при пересылке посылки с наложенным платежом");
  sheet.field(9, 124, 192, "Предъявлен", idDocumentText(sender), { size: 8.5, labelWidth: 18 });
  sheet.field(9, 131, 120, "Подпись отправителя", "", { size: 8, labelWidth: 28 });

  // Back side.
  sheet.page("A5", true);
  sheet.rect(6, 6, 198, 136, { width: 0.4 });
  sheet.text(9, 8.5, 120, "ф. 116 (оборот)", { size: 8 });
  sheet.text(9, 14, 120, "Заполняется получателем", { size: 10, font: "bold" });
  sheet.field(9, 21, 120, "Посылку весом", order.weightGrams === null ? "" : `${weightKg(order.weightGrams)} кг`, { size: 9, labelWidth: 22 });
  sheet.field(9, 28, 192, "на сумму", `${rublesDigits(order.codAmount)} руб. (наложенный платёж)`, { size: 9, labelWidth: 14 });
  sheet.field(9, 35, 192, "Получил(а)", "", { size: 9, labelWidth: 18 });
  sheet.field(9, 42, 110, "Предъявлен", "", { size: 8, labelWidth: 18 });
  sheet.field(122, 42, 35, "серия", "", { size: 8 });
  sheet.field(160, 42, 41, "№", "", { size: 8 });
  sheet.field(9, 49, 140, "Выдан", "", { size: 8 });
  sheet.field(152, 49, 49, "Дата", "", { size: 8 });
  sheet.field(9, 56, 100, "Подпись получателя", "", { size: 8, labelWidth: 28 });

  sheet.line(6, 72, 204, 72, { width: 0.3, dash: true });
  sheet.caption(9, 73, 192, "линия отреза", "center");
  sheet.text(9, 78, 150, "ОТРЕЗНОЙ ТАЛОН к посылке", { size: 10, font: "bold" });
  trackingBox(sheet, 132, 76, 70, order.trackingNumber);
  sheet.field(9, 86, 118, "Объявленная ценность, руб.", rublesDigits(order.declaredValue), { size: 9, labelWidth: 38 });
  sheet.field(9, 93, 118, "Наложенный платёж, руб.", rublesDigits(order.codAmount), { size: 9, labelWidth: 38 });
  sheet.field(9, 100, 192, "Кому", order.recipientName ?? "", { size: 9 });
  sheet.field(9, 107, 192, "Куда", [order.postcode, order.address].filter(Boolean).join(", "), { size: 8.5, lines: 2 });
  sheet.field(9, 119, 192, "От кого", [sender?.senderName, sender?.postcode, sender?.address].filter(Boolean).join(", "), { size: 8.5, lines: 2 });
  if (order.trackingNumber) sheet.text(9, 133, 120, `РПО ${trackingText(order.trackingNumber)}`, { size: 7.5, color: "#333333" });
}
