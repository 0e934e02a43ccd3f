// "Forgot password?" for an employee (by email) or a partner (by email or login). The answer is
// the same whether or not an active account matches, and takes about as long: an existing
// account costs a transaction (token + outbox mail), a missing one nothing, so the reply is
// padded to a fixed floor. Rate-limited per IP and per identifier, before anything is looked up.
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { consumeRateLimit } from "@/lib/rate-limit";
import { createLinkToken } from "@/lib/tokens/create-link-token";
import { recordAudit } from "@/lib/audit/record-audit";

/** A reset link works for one hour. */
export const PASSWORD_RESET_TOKEN_TTL_HOURS = 1;
/** Every answer takes at least this long, so timing does not tell which accounts exist. */
const MIN_RESPONSE_MS = 400;

export type AccountKind = "staff" | "partner";

export const ZRequestPasswordReset = z.object({
  identifier: z
    .string({ error: "passwordReset.errors.identifierRequired" })
    .trim()
    .toLowerCase()
    .min(1, { error: "passwordReset.errors.identifierRequired" })
    .max(254, { error: "passwordReset.errors.identifierInvalid" }),
});

export const passwordResetMailKey = (tokenId: string) => `password-reset:${tokenId}`;

/** Resolves without a result either way; throws only for bad input or a rate limit. */
export async function requestPasswordReset(kind: AccountKind, input: unknown, context: { ip?: string } = {}): Promise<void> {
  const parsed = ZRequestPasswordReset.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Enter your email", { fieldErrors: zodFieldErrors(parsed.error) });
  const { identifier } = parsed.data;
  if (kind === "staff" && !z.email().safeParse(identifier).success) {
    throw new AppError("VALIDATION", "Enter a valid email", { fieldErrors: { identifier: ["passwordReset.errors.identifierInvalid"] } });
  }

  const started = Date.now();
  await consumeRateLimit("passwordResetIp", `${kind}:${context.ip ?? "unknown"}`);
  await consumeRateLimit("passwordResetAccount", `${kind}:${identifier}`);
  try {
    await issueResetLink(kind, identifier, context.ip);
  } finally {
    const left = MIN_RESPONSE_MS - (Date.now() - started);
    if (left > 0) await sleep(left);
  }
}

async function issueResetLink(kind: AccountKind, identifier: string, ip: string | undefined) {
  const account = await findResettableAccount(kind, identifier);
  // A deactivated employee or a banned partner gets no link: a reset must not reopen the door.
  if (!account) return;
  const appUrl = getEnv().APP_URL;
  await db.$transaction(async (tx) => {
    const { id, token, expiresAt } = await createLinkToken(tx, {
      purpose: "PASSWORD_RESET",
      ttlHours: PASSWORD_RESET_TOKEN_TTL_HOURS,
      ...(kind === "staff" ? { userId: account.id } : { partnerId: account.id }),
      email: account.email,
    });
    await queueMail(tx, {
      idempotencyKey: passwordResetMailKey(id),
      to: account.email,
      template: "password-reset",
      locale: isLocale(account.locale) ? account.locale : "ru",
      props: { name: account.name, resetUrl: `${appUrl}/reset-password/${token}`, expiresAt },
    });
    await recordAudit(tx, { actor: { type: kind, id: account.id }, action: "auth.password_reset_requested", entity: { type: kind === "staff" ? "User" : "Partner", id: account.id }, ip });
  });
}

async function findResettableAccount(kind: AccountKind, identifier: string) {
  const select = { id: true, email: true, name: true, locale: true } as const;
  if (kind === "staff") {
    return db.user.findFirst({ where: { email: { equals: identifier, mode: "insensitive" }, isActive: true }, select });
  }
  return db.partner.findFirst({
    where: { ...(identifier.includes("@") ? { email: { equals: identifier, mode: "insensitive" } } : { login: { equals: identifier, mode: "insensitive" } }), status: { not: "BANNED" } },
    select,
  });
}
