// The shop's sender and bank details (Settings → Sender and bank details), printed on the Russian
// Post forms: sender blocks of f.7p/f.116/f.103, the payee of the f.112EP COD transfer, and the
// sender's ID document on f.116. One Setting row (`shop.requisites`), validated on the way in and
// out; messages are i18n keys, as in shop-settings.ts.
import { z } from "zod";
import { isValidBankAccount, isValidBik } from "@/lib/logistics/requisites/validate-bank-account";
import { isValidInn } from "@/lib/logistics/requisites/validate-inn";

export const SHOP_REQUISITES_KEY = "shop.requisites";

const text = (max: number) => z.string({ error: "checkoutErrors.required" }).trim().min(1, { error: "checkoutErrors.required" }).max(max, { error: "checkoutErrors.tooLong" });
const optionalText = (max: number) => z.string().trim().max(max, { error: "checkoutErrors.tooLong" }).default("");
/** Digits only: spaces and dashes people paste from bank letters are dropped first. */
const digits = (schema: z.ZodString) => z.preprocess((value) => (typeof value === "string" ? value.replace(/[\s-]/g, "") : value), schema);

export const ZShopRequisites = z
  .object({
    /** Who sends: "ИП Иванов Иван Иванович", "ООО «Лавка»". */
    senderName: text(200),
    /** The payee's full legal name on f.112EP, when it differs from the sender name. */
    legalName: optionalText(300),
    address: text(300),
    postcode: z
      .string({ error: "checkoutErrors.required" })
      .trim()
      .regex(/^\d{6}$/, { error: "checkoutErrors.postcodeInvalid" }),
    phone: text(40),
    inn: digits(z.string().refine(isValidInn, { error: "settings.errors.innInvalid" })),
    /** Legal entities only (10-digit INN): 4 digits, 2 digits or capital letters, 3 digits. */
    kpp: digits(z.string().regex(/^(\d{4}[\dA-Z]{2}\d{3})?$/, { error: "settings.errors.kppInvalid" })).default(""),
    bankName: text(200),
    bik: digits(z.string().refine(isValidBik, { error: "settings.errors.bikInvalid" })),
    correspondentAccount: digits(z.string().regex(/^\d{20}$/, { error: "settings.errors.accountInvalid" })),
    settlementAccount: digits(z.string().regex(/^\d{20}$/, { error: "settings.errors.accountInvalid" })),
    /** The sender's ID document for f.116 (all of it or none). */
    idDocumentType: optionalText(60),
    idDocumentSeries: optionalText(20),
    idDocumentNumber: optionalText(30),
    idDocumentIssuedBy: optionalText(300),
    idDocumentIssuedOn: z.union([z.literal(""), z.iso.date({ error: "settings.errors.dateInvalid" })]).default(""),
  })
  .superRefine((value, context) => {
    if (value.kpp && value.inn.length !== 10) context.addIssue({ code: "custom", path: ["kpp"], message: "settings.errors.kppWithoutCompany" });
    if (isValidBik(value.bik)) {
      if (/^\d{20}$/.test(value.correspondentAccount) && !isValidBankAccount(value.correspondentAccount, value.bik, "correspondent")) {
        context.addIssue({ code: "custom", path: ["correspondentAccount"], message: "settings.errors.accountKeyInvalid" });
      }
      if (/^\d{20}$/.test(value.settlementAccount) && !isValidBankAccount(value.settlementAccount, value.bik, "settlement")) {
        context.addIssue({ code: "custom", path: ["settlementAccount"], message: "settings.errors.accountKeyInvalid" });
      }
    }
    const document = [value.idDocumentType, value.idDocumentNumber, value.idDocumentIssuedBy, value.idDocumentIssuedOn];
    if (document.some(Boolean)) {
      for (const field of ["idDocumentType", "idDocumentNumber", "idDocumentIssuedBy", "idDocumentIssuedOn"] as const) {
        if (!value[field]) context.addIssue({ code: "custom", path: [field], message: "settings.errors.idDocumentIncomplete" });
      }
      if (value.idDocumentIssuedOn && value.idDocumentIssuedOn > new Date().toISOString().slice(0, 10)) {
        context.addIssue({ code: "custom", path: ["idDocumentIssuedOn"], message: "settings.errors.dateInFuture" });
      }
    }
  });

export type TShopRequisites = z.output<typeof ZShopRequisites>;
export type TShopRequisitesInput = z.input<typeof ZShopRequisites>;

/** The payee name of f.112EP. */
export const payeeName = (requisites: TShopRequisites) => requisites.legalName || requisites.senderName;

/** Whether f.116 can carry the sender's ID document. */
export const hasIdDocument = (requisites: TShopRequisites) => Boolean(requisites.idDocumentType && requisites.idDocumentNumber);
