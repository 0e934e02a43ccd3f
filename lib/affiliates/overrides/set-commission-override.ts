// The owner's per-partner commission rate (/admin/partners/<id>): for one product or for all of
// them, at one level of the chain. It wins over the product's table and the program default
// (lib/affiliates/commissions/compute-commissions). People type rates as they read them: FIXED as
// an amount in major units ("150,50"), PERCENT as a percentage ("12.5"); both are parsed as exact
// decimals (never a float) into what the rule stores: minor units, basis points. Setting the same
// partner, product and level again replaces the rate. Every change is audit-logged.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import type { AmountKind } from "@/lib/db/generated/enums";
import { AppError, notFound, zodFieldErrors } from "@/lib/errors";
import { currencyMinorDigits } from "@/lib/money/format";
import { parseMoneyInput } from "@/lib/money/parse-money-input";
import { getProgramSettings } from "@/lib/affiliates/program-settings";
import { recordAudit } from "@/lib/audit/record-audit";

/** Message keys (messages/*.json), so the form shows each field's error in the staff's language. */
const ERRORS = {
  level: "partnerDetail.overrides.errors.level",
  kind: "partnerDetail.overrides.errors.kind",
  amount: "partnerDetail.overrides.errors.amount",
  percent: "partnerDetail.overrides.errors.percent",
  product: "partnerDetail.overrides.errors.product",
} as const;

/** 100 %: a partner never earns more than the items they sold. */
export const MAX_OVERRIDE_BASIS_POINTS = 10_000;
/** The column is a 32-bit integer. */
const MAX_FIXED_MINOR = 2_147_483_647;
// An all-products FIXED rate is paid in each order's currency; every currency the shop sells in
// has two minor digits (RUB, USD, EUR, KZT, BYN), so the typed amount is read with two.
const ALL_PRODUCTS_MINOR_DIGITS = 2;

export const ZSetCommissionOverrideInput = z.object({
  partnerId: z.string().trim().min(1).max(64),
  /** Empty: the partner's rate for every product. */
  productId: z
    .string()
    .trim()
    .max(64)
    .transform((value) => value || null),
  level: z.coerce.number<unknown>({ error: ERRORS.level }).int(ERRORS.level).min(0, ERRORS.level).max(9, ERRORS.level),
  kind: z.enum(["FIXED", "PERCENT"], { error: ERRORS.kind }),
  /** As typed: "150", "150,50", "12.5". */
  value: z.string({ error: ERRORS.amount }).trim().min(1, ERRORS.amount).max(32, ERRORS.amount),
});

export interface CommissionOverrideResult {
  id: string;
  partnerId: string;
  productId: string | null;
  level: number;
  kind: AmountKind;
  /** Minor units (FIXED) or basis points (PERCENT). */
  value: number;
}

const invalid = (field: string, key: string) => new AppError("VALIDATION", "Invalid commission override", { fieldErrors: { [field]: [key] } });

/** "12.5" % → 1250 basis points exactly; null when it is not a percentage from 0 to 100 with at most two decimals. */
export function parsePercentToBasisPoints(text: string): number | null {
  // A percentage with two decimals is a whole number of basis points: the money parser's exact decimal maths fits.
  const basisPoints = parseMoneyInput(text.replace(/%$/, ""), 2);
  return basisPoints !== null && basisPoints <= MAX_OVERRIDE_BASIS_POINTS ? basisPoints : null;
}

export async function setCommissionOverride(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<CommissionOverrideResult> {
  assertSectionActor(actor, "partners");
  const parsed = ZSetCommissionOverrideInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid commission override", { fieldErrors: zodFieldErrors(parsed.error) });
  const { partnerId, productId, level, kind } = parsed.data;

  // A level the program does not pay would be a rate that never applies.
  const { levels } = await getProgramSettings();
  if (level >= levels) throw invalid("level", ERRORS.level);

  return db.$transaction(async (tx) => {
    // Locking the partner serialises two owners saving at once: the all-products row (productId
    // NULL) is not covered by the unique index, since NULLs are distinct in PostgreSQL.
    const [partner] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Partner" WHERE id = ${partnerId} FOR UPDATE`;
    if (!partner) throw notFound("Partner");

    let digits = ALL_PRODUCTS_MINOR_DIGITS;
    if (productId) {
      const product = await tx.product.findUnique({ where: { id: productId }, select: { currency: true } });
      if (!product) throw invalid("productId", ERRORS.product);
      digits = currencyMinorDigits(product.currency);
    }

    const value = kind === "FIXED" ? parseMoneyInput(parsed.data.value, digits) : parsePercentToBasisPoints(parsed.data.value);
    if (value === null || value > MAX_FIXED_MINOR) throw invalid("value", kind === "FIXED" ? ERRORS.amount : ERRORS.percent);

    const select = { id: true, partnerId: true, productId: true, level: true, kind: true, value: true } as const;
    const existing = await tx.partnerCommissionOverride.findFirst({ where: { partnerId, productId, level }, select });
    const saved = existing
      ? await tx.partnerCommissionOverride.update({ where: { id: existing.id }, data: { kind, value }, select })
      : await tx.partnerCommissionOverride.create({ data: { partnerId, productId, level, kind, value }, select });

    await recordAudit(tx, {
      actor: { type: "staff", id: actor.id },
      action: "partner.override_set",
      entity: { type: "Partner", id: partnerId },
      data: { overrideId: saved.id, productId, level, kind, value, previous: existing ? { kind: existing.kind, value: existing.value } : null },
      ip: context.ip,
    });
    return saved;
  });
}
