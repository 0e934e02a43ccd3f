// Form 7-p, the address label of a parcel: A5 landscape. Tracking barcode, declared value and
// COD amount in digits and words, sender and recipient with their postcodes in boxes, and the
// destination index in the envelope stencil that sorting machines and people read.
import type { TShopRequisites } from "@/lib/settings/shop-requisites";
import type { PostalFormOrder } from "../postal-form-order";
import { amountLine, formHeader, recipientBlock, senderBlock, trackingBox } from "./blocks";
import type { Sheet } from "./sheet";

export function drawF7p(sheet: Sheet, order: PostalFormOrder, sender: TShopRequisites | null) {
  sheet.page("A5", true);
  formHeader(sheet, 210, 148, "ф. 7-п");
  sheet.text(9, 14, 100, "АДРЕСНЫЙ ЯРЛЫК", { size: 13, font: "bold" });
  sheet.text(9, 20.5, 100, "Посылка", { size: 9 });
  sheet.text(9, 25, 100, `Заказ № ${order.orderNumber}`, { size: 7.5, color: "#333333" });
  trackingBox(sheet, 132, 12, 70, order.trackingNumber);

  amountLine(sheet, 9, 38, 192, "Объявленная ценность", order.declaredValue);
  amountLine(sheet, 9, 54, 192, "Наложенный платёж", order.codAmount);
  sheet.line(6, 69, 204, 69, { width: 0.3 });

  senderBlock(sheet, 9, 72, 90, sender);
  sheet.line(103, 69, 103, 142, { width: 0.3 });
  recipientBlock(sheet, 107, 72, 94, order);

  sheet.caption(9, 114, 90, "Индекс места назначения");
  sheet.postcodeStencil(10, 119, order.postcode ?? "", { width: 6.5, height: 13, gap: 3 });
  sheet.text(74, 122, 28, order.postcode ?? "", { size: 16, font: "bold" });
  sheet.caption(107, 112, 94, "Отметки почтовой службы");
  sheet.rect(107, 115, 94, 26, { width: 0.15 });
}
