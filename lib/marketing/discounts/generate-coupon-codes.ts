// Generates a run of unique coupon codes from one coupon as the template (admin → Advertising →
// a coupon → Generate codes; MANAGER and OWNER): each code is a coupon of its own with the
// template's rules and products, the prefix plus a random part from an alphabet without look-alike
// characters (no 0/O, 1/I/L), single-use unless another number of uses is given. All of them are
// written in one transaction with one audit row, or none; a code another coupon already has is
// drawn again.
import { randomBytes, randomInt } from "node:crypto";
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db, Prisma } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { clearDiscountRulesCache } from "./load-discount-rules";
import { recordAudit } from "@/lib/audit/record-audit";

const E = (key: string) => `discounts.admin.errors.${key}`;

/** 31 characters a customer reading a printed card cannot confuse. */
export const COUPON_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const MAX_GENERATED_CODES = 10_000;

const count = (min: number, max: number, key: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : value),
    z.coerce
      .number({ error: E(key) })
      .int({ error: E(key) })
      .min(min, { error: E(key) })
      .max(max, { error: E(key) }),
  );

export const ZGenerateCouponCodesInput = z.object({
  templateId: z.string().trim().min(1).max(64),
  count: count(1, MAX_GENERATED_CODES, "generateCount"),
  /** Latin letters, digits, "-" and "_", upper-cased; not starting with "-" (a spreadsheet would read the CSV cell as a formula). Empty: the random part only. */
  prefix: z
    .string()
    .trim()
    .toUpperCase()
    .max(20, { error: E("generatePrefix") })
    .regex(/^([A-Z0-9][A-Z0-9_-]*)?$/, { error: E("generatePrefix") })
    .default(""),
  /** 6 characters give 887 million codes: a 10,000-code run rarely draws a code twice. */
  randomLength: z.preprocess((value) => (value === "" || value === undefined ? 8 : value), count(6, 16, "generateLength")),
  usesPerCode: z.preprocess((value) => (value === "" || value === undefined ? 1 : value), count(1, 1_000_000_000, "count")),
});

export type TGenerateCouponCodesInput = z.input<typeof ZGenerateCouponCodesInput>;

export interface GeneratedCouponCodes {
  templateCode: string;
  codes: string[];
}

function randomCode(prefix: string, length: number): string {
  let code = prefix;
  for (let index = 0; index < length; index++) code += COUPON_CODE_ALPHABET[randomInt(COUPON_CODE_ALPHABET.length)];
  return code;
}

/** A cuid-shaped id ("c", time, randomness; 25 lower-case characters) like Prisma's @default(cuid()) makes. */
const couponId = () => `c${Date.now().toString(36).padStart(9, "0")}${randomBytes(15).toString("hex").slice(0, 15)}`;

export async function generateCouponCodes(input: unknown, actor: TSectionActor): Promise<GeneratedCouponCodes> {
  const staff = assertSectionActor(actor, "advertising");
  const parsed = ZGenerateCouponCodesInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid code generation", { fieldErrors: zodFieldErrors(parsed.error) });
  const { templateId, prefix, randomLength, usesPerCode } = parsed.data;
  const wanted = parsed.data.count;

  try {
    const result = await db.$transaction(
      async (tx) => {
        const template = await tx.coupon.findUnique({ where: { id: templateId }, select: { code: true } });
        if (!template) throw new AppError("NOT_FOUND", "No such coupon");
        const description = `${template.code}: `;

        // Each round draws the codes still missing and inserts them as copies of the template in one
        // statement; a code some coupon already has (or one another transaction is inserting) is
        // skipped by ON CONFLICT and drawn again in the next round.
        const created: { id: string; code: string }[] = [];
        const drawn = new Set<string>();
        for (let round = 0; created.length < wanted; round++) {
          if (round === 5) throw new AppError("CONFLICT", "Could not draw enough unused codes", { fieldErrors: { randomLength: [E("generateSpace")] } });
          const codes: string[] = [];
          while (codes.length < wanted - created.length) {
            const code = randomCode(prefix, randomLength);
            if (!drawn.has(code)) {
              drawn.add(code);
              codes.push(code);
            }
          }
          const ids = codes.map(() => couponId());
          created.push(
            ...(await tx.$queryRaw<{ id: string; code: string }[]>(Prisma.sql`
              INSERT INTO "Coupon" (id, code, description, kind, value, currency, "minOrderTotal", "maxUses", "usedCount", "maxUsesPerCustomer", "startsAt", "endsAt",
                "isActive", "partnerId", scope, "productsExcluded", "minQuantity", "firstOrderOnly", combinable, "createdAt", "updatedAt")
              SELECT n.id, n.code, left(CASE WHEN t.description IS NULL THEN t.code ELSE ${description} || t.description END, 500), t.kind, t.value, t.currency,
                t."minOrderTotal", ${usesPerCode}::int, 0, t."maxUsesPerCustomer", t."startsAt", t."endsAt",
                t."isActive", t."partnerId", t.scope, t."productsExcluded", t."minQuantity", t."firstOrderOnly", t.combinable, now(), now()
              FROM unnest(${ids}::text[], ${codes}::text[]) AS n(id, code) CROSS JOIN "Coupon" t
              WHERE t.id = ${templateId}
              ON CONFLICT (code) DO NOTHING
              RETURNING id, code`)),
          );
        }
        await tx.$executeRaw(Prisma.sql`
          INSERT INTO "CouponProduct" ("couponId", "productId")
          SELECT n.id, p."productId" FROM unnest(${created.map((row) => row.id)}::text[]) AS n(id) JOIN "CouponProduct" p ON p."couponId" = ${templateId}`);

        const codes = created.map((row) => row.code);
        await recordAudit(tx, {
          actor: { type: "USER", id: staff.id },
          action: "coupon.generate",
          entity: { type: "Coupon", id: templateId },
          data: { template: template.code, count: codes.length, prefix, randomLength, usesPerCode, first: codes[0]!, last: codes[codes.length - 1]! },
        });
        return { templateCode: template.code, codes };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
    return result;
  } finally {
    clearDiscountRulesCache();
  }
}
