// Demo sender and bank details (Settings → Sender and bank details), so a fresh demo prints the
// Russian Post forms at once: an individual entrepreneur with a 12-digit INN and accounts whose
// check digits hold (made up for the demo, not anyone's real details), and an ID document for
// f.116. Validated like the settings page's save; an owner's own details are never overwritten.
import type { DbTransaction, Prisma } from "@/lib/db";
import { SHOP_REQUISITES_KEY, ZShopRequisites } from "@/lib/settings/shop-requisites";

export const DEMO_REQUISITES = {
  senderName: "ИП Лавкин Илья Петрович",
  address: "г. Москва, ул. Тверская, д. 7, оф. 15",
  postcode: "125009",
  phone: "+7 495 123-45-67",
  inn: "771635091207",
  bankName: "ПАО Сбербанк",
  bik: "044525225",
  correspondentAccount: "30101810400000000225",
  settlementAccount: "40802810438000054321",
  idDocumentType: "Паспорт гражданина РФ",
  idDocumentSeries: "45 10",
  idDocumentNumber: "123456",
  idDocumentIssuedBy: "ОВД района Тверской г. Москвы",
  idDocumentIssuedOn: "2010-05-20",
};

export async function seedDemoRequisites(tx: DbTransaction) {
  const value = ZShopRequisites.parse(DEMO_REQUISITES) as Prisma.InputJsonValue;
  await tx.setting.upsert({ where: { key: SHOP_REQUISITES_KEY }, update: {}, create: { key: SHOP_REQUISITES_KEY, value }, select: { key: true } });
}
