// Form 112EP, the postal money transfer of a COD payment back to the shop: A5 landscape. Amount in
// digits and words, the payee (the shop: name, address, INN, bank, BIK, accounts), the message
// with the order number, and the payer (the buyer) with their address.
import { payeeName, type TShopRequisites } from "@/lib/settings/shop-requisites";
import { rublesDecimal, rublesInWords } from "../amount-in-words";
import type { PostalFormOrder } from "../postal-form-order";
import { formHeader, trackingText } from "./blocks";
import type { Sheet } from "./sheet";

export function drawF112ep(sheet: Sheet, order: PostalFormOrder, payee: TShopRequisites) {
  sheet.page("A5", true);
  formHeader(sheet, 210, 148, "ф. 112ЭП");
  sheet.text(60, 9, 90, "ПОЧТОВЫЙ ПЕРЕВОД", { size: 13, font: "bold", align: "center" });
  sheet.checkbox(52, 16, false, "обыкновенный");
  sheet.checkbox(90, 16, true, "наложенного платежа");
  sheet.checkbox(140, 16, false, "ускоренный");

  const [rubles, kopecks] = rublesDecimal(order.codAmount).split(".") as [string, string];
  sheet.text(9, 24.5, 10, "на", { size: 8, font: "bold" });
  sheet.digitBoxes(16, 23, 9, rubles.padStart(9, " "), { width: 4.2, height: 5.5, size: 10 });
  sheet.text(55, 24.5, 10, "руб.", { size: 8 });
  sheet.digitBoxes(63, 23, 2, kopecks, { width: 4.2, height: 5.5, size: 10 });
  sheet.text(72.5, 24.5, 10, "коп.", { size: 8 });
  sheet.text(85, 24.8, 116, rublesInWords(order.codAmount), { size: 8.5 });
  sheet.line(85, 28.5, 201, 28.5, { width: 0.15 });
  sheet.caption(85, 29, 116, "(сумма прописью)", "center");

  sheet.field(9, 32, 192, "Кому", payeeName(payee), { size: 9, font: "bold" });
  sheet.field(9, 39, 160, "Куда", payee.address, { size: 8.5 });
  sheet.caption(173, 36.5, 28, "Индекс");
  sheet.digitBoxes(173, 39, 6, payee.postcode, { width: 4.7, height: 5, size: 9.5 });

  sheet.rect(9, 47, 192, 30, { width: 0.2 });
  sheet.caption(11, 47.8, 188, "Заполняется при приёме перевода в адрес юридического лица / индивидуального предпринимателя");
  sheet.caption(11, 52, 12, "ИНН");
  sheet.digitBoxes(23, 51, 12, payee.inn, { width: 3.6, height: 4.6, size: 8.5 });
  sheet.caption(70, 52, 10, "КПП");
  sheet.digitBoxes(79, 51, 9, payee.kpp, { width: 3.6, height: 4.6, size: 8.5 });
  sheet.caption(116, 52, 10, "БИК");
  sheet.digitBoxes(125, 51, 9, payee.bik, { width: 3.6, height: 4.6, size: 8.5 });
  sheet.caption(11, 58, 12, "Кор/счёт");
  sheet.digitBoxes(23, 57, 20, payee.correspondentAccount, { width: 3.6, height: 4.6, size: 8.5 });
  sheet.caption(11, 64, 12, "Рас/счёт");
  sheet.digitBoxes(23, 63, 20, payee.settlementAccount, { width: 3.6, height: 4.6, size: 8.5 });
  sheet.field(11, 68.5, 188, "Банк", payee.bankName, { size: 8.5 });

  const message = `Наложенный платёж по заказу № ${order.orderNumber}${order.trackingNumber ? `, РПО ${trackingText(order.trackingNumber)}` : ""}`;
  sheet.field(9, 79, 192, "Сообщение", message, { size: 8.5 });

  sheet.line(6, 88, 204, 88, { width: 0.3 });
  sheet.field(9, 90, 192, "От кого", order.recipientName ?? "", { size: 9, font: "bold" });
  sheet.field(9, 97, 160, "Адрес отправителя", order.address ?? "", { size: 8.5, lines: 2 });
  sheet.caption(173, 94.5, 28, "Индекс");
  sheet.digitBoxes(173, 97, 6, order.postcode ?? "", { width: 4.7, height: 5, size: 9.5 });
  sheet.field(9, 109, 90, "Тел.", order.phone ?? "", { size: 9 });

  sheet.line(6, 118, 204, 118, { width: 0.3 });
  sheet.caption(9, 119, 192, "Заполняется работником почтовой связи при оплате");
  sheet.field(9, 122, 100, "Предъявлен", "", { size: 8 });
  sheet.field(112, 122, 40, "серия", "", { size: 8 });
  sheet.field(155, 122, 46, "№", "", { size: 8 });
  sheet.field(9, 129, 140, "Выдан", "", { size: 8 });
  sheet.field(152, 129, 49, "Подпись", "", { size: 8 });
}
