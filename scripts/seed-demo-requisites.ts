// Demo sender and bank details (Settings → Sender and bank details), so a fresh demo prints the
// Russian Post forms at once: an individual entrepreneur with a 12-digit INN and accounts whose
// check digits hold (made up for the demo, not anyone's real details), and an ID document for
// f.116. Validated like the settings page's save; an owner's own details are never overwritten.
// Also a plausible Russian Post tariff (Logistics → Settings), so the demo's batches print the
// postal fees on f.103 and f.116.
import type { DbTransaction, Prisma } from "@/lib/db";
import { POSTAL_TARIFF_KEY, ZPostalTariff } from "@/lib/logistics/fees/postal-tariff";
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

/** A parcel with declared value and COD, Moscow to a mid-range zone (VAT included; made up, of the order of Russian Post's prices). */
export const DEMO_POSTAL_TARIFF = {
  firstStepPostage: 32_500, // 325.00 RUB up to 500 g
  extraStepPostage: 4_800, // 48.00 RUB per further 500 g or part
  stepGrams: 500,
  declaredValueRateBp: 400, // 4 % of the declared value
  parcelSurcharge: 0,
};

export async function seedDemoRequisites(tx: DbTransaction) {
  const value = ZShopRequisites.parse(DEMO_REQUISITES) as Prisma.InputJsonValue;
  await tx.setting.upsert({ where: { key: SHOP_REQUISITES_KEY }, update: {}, create: { key: SHOP_REQUISITES_KEY, value }, select: { key: true } });
  const tariff = ZPostalTariff.parse(DEMO_POSTAL_TARIFF);
  await tx.setting.upsert({ where: { key: POSTAL_TARIFF_KEY }, update: {}, create: { key: POSTAL_TARIFF_KEY, value: tariff }, select: { key: true } });
}
