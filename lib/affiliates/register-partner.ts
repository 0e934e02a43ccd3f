// A visitor signs up for the affiliate program (/partners/join). Everything is checked before
// anything is written; on success one transaction creates the PENDING partner, the email
// confirmation token and the welcome mail (outbox), so a failure leaves no half-registered
// partner and no mail. The generated password exists in plain text only in that mail's payload:
// the partner row keeps its argon2id hash.
import { z } from "zod";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { db, Prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError, zodFieldErrors, type FieldErrors } from "@/lib/errors";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { consumeRateLimit } from "@/lib/rate-limit";
import { createLinkToken } from "@/lib/tokens/create-link-token";
import { normalizeLogin, ZPartnerEmail, ZPartnerLogin } from "./partner-login";
import { clearOrderFilterOptionsCache } from "@/lib/orders/order-filter-options";
import { getProgramSettings } from "./program-settings";
import { recordAudit } from "@/lib/audit/record-audit";

/** The email-confirmation link works for three days. */
export const PARTNER_EMAIL_TOKEN_TTL_HOURS = 72;

export const ZRegisterPartnerInput = z.object({
  name: z.string({ error: "partnerJoin.errors.required" }).trim().min(1, { error: "partnerJoin.errors.required" }).max(200, { error: "partnerJoin.errors.tooLong" }),
  email: ZPartnerEmail,
  login: ZPartnerLogin,
  /** A phone number or a Telegram handle: free text, the owner reads it. */
  contact: z
    .string()
    .trim()
    .max(200, { error: "partnerJoin.errors.tooLong" })
    .optional()
    .transform((value) => value || undefined),
  terms: z.literal(true, { error: "partnerJoin.errors.termsRequired" }),
  /** The recruiting partner's login from `?ref=`; anything but an ACTIVE partner's is ignored. */
  ref: z.string().max(100).optional().catch(undefined),
  locale: z.enum(LOCALES).catch("ru"),
});
export type TRegisterPartnerInput = z.input<typeof ZRegisterPartnerInput>;

export interface RegisteredPartner {
  id: string;
  login: string;
  email: string;
  parentId: string | null;
}

export const partnerWelcomeMailKey = (partnerId: string) => `partner:${partnerId}:welcome`;

export async function registerPartner(input: unknown, context: { ip?: string } = {}): Promise<RegisteredPartner> {
  const parsed = ZRegisterPartnerInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const data = parsed.data;

  // After the shape checks, so a typo does not cost one of the few attempts an hour.
  await consumeRateLimit("registration", context.ip ?? "unknown");

  const taken = await takenFields(data.login, data.email);
  if (taken) throw taken;

  const [parentId, program, password] = [await activeParentId(data.ref), await getProgramSettings(), generatePassword()];
  const passwordHash = await hashPassword(password);
  const appUrl = getEnv().APP_URL;

  try {
    const created = await db.$transaction(async (tx) => {
      const partner = await tx.partner.create({
        data: { login: data.login, email: data.email, name: data.name, contact: data.contact, passwordHash, status: "PENDING", locale: data.locale, parentId },
        select: { id: true, login: true, email: true, parentId: true },
      });
      const { token } = await createLinkToken(tx, { purpose: "PARTNER_EMAIL", ttlHours: PARTNER_EMAIL_TOKEN_TTL_HOURS, partnerId: partner.id, email: partner.email });
      await queueMail(tx, {
        idempotencyKey: partnerWelcomeMailKey(partner.id),
        to: partner.email,
        template: "partner-welcome",
        locale: data.locale as Locale,
        props: {
          name: data.name,
          login: partner.login,
          password,
          signInUrl: `${appUrl}/partners/signin`,
          confirmEmailUrl: `${appUrl}/partners/confirm/${token}`,
          awaitingApproval: program.approvalMode === "MANUAL",
        },
      });
      await recordAudit(tx, { actor: { type: "partner", id: partner.id }, action: "partner.register", entity: { type: "Partner", id: partner.id }, data: { parentId }, ip: context.ip });
      return partner;
    });
    // The order list's partner filter names every partner (a cached list).
    clearOrderFilterOptionsCache();
    return created;
  } catch (error) {
    // Two sign-ups with the same login or email at once: the second meets the unique index.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw (await takenFields(data.login, data.email)) ?? error;
    throw error;
  }
}

async function takenFields(login: string, email: string): Promise<AppError | null> {
  const existing = await db.partner.findMany({
    where: { OR: [{ login: { equals: login, mode: "insensitive" } }, { email: { equals: email, mode: "insensitive" } }] },
    select: { login: true, email: true },
  });
  const fieldErrors: FieldErrors = {};
  if (existing.some((partner) => partner.login.toLowerCase() === login)) fieldErrors.login = ["partnerJoin.errors.loginTaken"];
  if (existing.some((partner) => partner.email.toLowerCase() === email)) fieldErrors.email = ["partnerJoin.errors.emailTaken"];
  return Object.keys(fieldErrors).length ? new AppError("VALIDATION", "This login or email is taken", { fieldErrors }) : null;
}

async function activeParentId(ref: string | undefined): Promise<string | null> {
  const login = ref ? normalizeLogin(ref) : "";
  if (!ZPartnerLogin.safeParse(login).success) return null;
  const parent = await db.partner.findFirst({ where: { login: { equals: login, mode: "insensitive" }, status: "ACTIVE" }, select: { id: true } });
  return parent?.id ?? null;
}
