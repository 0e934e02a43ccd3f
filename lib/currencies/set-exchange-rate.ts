// Records a new exchange rate for a pair. Rows are never edited: the new rate is a new row in
// force from now, so orders keep the rate of their day. The rate arrives as the decimal string
// the owner typed and is stored exactly (Decimal(20,10) built from the string, never a float).
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { db, Prisma } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

const ZCurrencyCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, { error: "settings.errors.currencyInvalid" });

export const ZSetExchangeRate = z
  .object({
    fromCurrency: ZCurrencyCode,
    toCurrency: ZCurrencyCode,
    // At most 10 integer and 10 fractional digits: what DECIMAL(20,10) holds. No signs, no
    // exponents ("1e5"), no grouping: the owner sees exactly what will be stored.
    rate: z
      .string()
      .trim()
      .regex(/^\d{1,10}(\.\d{1,10})?$/, { error: "settings.errors.rateInvalid" })
      .refine((rate) => /[1-9]/.test(rate), { error: "settings.errors.rateNotPositive" }),
  })
  .refine((input) => input.fromCurrency !== input.toCurrency, { error: "settings.errors.samePair", path: ["toCurrency"] });

export type TSetExchangeRate = z.input<typeof ZSetExchangeRate>;

export interface SetExchangeRateResult {
  id: string;
  fromCurrency: string;
  toCurrency: string;
  /** As stored, e.g. "32.5000000000". */
  rate: string;
  validFrom: string;
}

export async function setExchangeRate(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<SetExchangeRateResult> {
  assertSectionActor(actor, "settings");
  const parsed = ZSetExchangeRate.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "The exchange rate is invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const { fromCurrency, toCurrency, rate } = parsed.data;

  const known = await db.currency.findMany({ where: { code: { in: [fromCurrency, toCurrency] } }, select: { code: true } });
  const knownCodes = new Set(known.map((currency) => currency.code.trim()));
  const fieldErrors: Record<string, string[]> = {};
  if (!knownCodes.has(fromCurrency)) fieldErrors.fromCurrency = ["settings.errors.currencyUnknown"];
  if (!knownCodes.has(toCurrency)) fieldErrors.toCurrency = ["settings.errors.currencyUnknown"];
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "Unknown currency", { fieldErrors });

  const created = await insertRate({ fromCurrency, toCurrency, rate }, actor, context);
  clearCheckoutCaches();
  const stored = await db.$queryRaw<{ rate: string }[]>`SELECT rate::text AS rate FROM "ExchangeRate" WHERE id = ${created.id}`;
  return { id: created.id, fromCurrency, toCurrency, rate: stored[0]?.rate ?? rate, validFrom: created.validFrom.toISOString() };
}

async function insertRate(pair: { fromCurrency: string; toCurrency: string; rate: string }, actor: TSectionActor, context: { ip?: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.exchangeRate.create({
        data: { fromCurrency: pair.fromCurrency, toCurrency: pair.toCurrency, rate: new Prisma.Decimal(pair.rate), validFrom: new Date(), source: "manual", createdById: actor.id },
        select: { id: true, validFrom: true },
      });
      await recordAudit(tx, { actor: { type: "USER", id: actor.id }, action: "settings.rate.set", entity: { type: "ExchangeRate", id: row.id }, data: pair, ip: context.ip });
      return row;
    });
  } catch (error) {
    // (pair, validFrom) is unique: two saves of one pair in the same millisecond (a double
    // click) leave the first one standing.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", "This rate was just set", { cause: error });
    throw error;
  }
}
