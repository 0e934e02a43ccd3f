// The first-run page (/setup): while the shop has no active owner, the first one can be created
// from a browser — from the machine itself (a loopback client address, lib/client-ip.ts), or
// from anywhere with the one-time setup token `npm start` prints. The token is 256 random bits,
// kept only as its SHA-256 in a Setting row with its expiry (24 h); a new start replaces it, and
// creating the owner deletes it. The checks run inside createOwner's transaction, under its
// advisory lock, so two concurrent submits make one owner and one token serves once.
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { isLoopbackIp } from "@/lib/client-ip";
import { db, type DbTransaction } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit";
import { generateLinkToken, hashLinkToken, isLinkTokenExpired, isWellFormedLinkToken, linkTokenExpiresAt } from "@/lib/tokens/link-token";
import { createOwner, hasActiveOwner, ZCreateOwnerInput, type CreatedOwner } from "./create-owner";

export const SETUP_TOKEN_SETTING_KEY = "auth.setupToken";
export const SETUP_TOKEN_TTL_HOURS = 24;

const ZStoredSetupToken = z.object({ tokenHash: z.string().regex(/^[0-9a-f]{64}$/), expiresAt: z.iso.datetime() });

export const ZFirstOwnerSetupInput = ZCreateOwnerInput.extend({ confirm: z.string({ error: "setup.errors.passwordMismatch" }) }).refine((value) => value.password === value.confirm, {
  path: ["confirm"],
  error: "setup.errors.passwordMismatch",
});

/**
 * A new setup token when the database has no active owner (else null), replacing any earlier
 * one. `npm start` prints the link; the raw token exists nowhere else.
 */
export async function issueSetupToken(client: PrismaClient = db, now = new Date()): Promise<{ token: string; expiresAt: Date } | null> {
  if (await hasActiveOwner(client)) return null;
  const { token, tokenHash } = generateLinkToken();
  const expiresAt = linkTokenExpiresAt(SETUP_TOKEN_TTL_HOURS, now);
  const value = { tokenHash, expiresAt: expiresAt.toISOString() };
  await client.setting.upsert({ where: { key: SETUP_TOKEN_SETTING_KEY }, create: { key: SETUP_TOKEN_SETTING_KEY, value }, update: { value } });
  return { token, expiresAt };
}

async function isValidSetupToken(client: PrismaClient | DbTransaction, token: unknown, now = new Date()): Promise<boolean> {
  if (!isWellFormedLinkToken(token)) return false;
  const row = await client.setting.findUnique({ where: { key: SETUP_TOKEN_SETTING_KEY }, select: { value: true } });
  const stored = ZStoredSetupToken.safeParse(row?.value);
  if (!stored.success || isLinkTokenExpired(new Date(stored.data.expiresAt), now)) return false;
  return timingSafeEqual(Buffer.from(hashLinkToken(token), "hex"), Buffer.from(stored.data.tokenHash, "hex"));
}

export type SetupAccess = "closed" | "allowed" | "needs-token";

/** What the page may show: "closed" once an owner exists (404), "needs-token" to a remote visitor without a valid token. */
export async function getSetupAccess(context: { ip: string; token?: unknown }): Promise<SetupAccess> {
  if (await hasActiveOwner()) return "closed";
  if (isLoopbackIp(context.ip) || (await isValidSetupToken(db, context.token))) return "allowed";
  return "needs-token";
}

/** Creates the first owner from the first-run page's form. */
export async function completeFirstOwnerSetup(input: unknown, context: { ip: string; token?: unknown }): Promise<CreatedOwner> {
  const parsed = ZFirstOwnerSetupInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  // After the shape checks, so a typo does not cost an attempt; the registration limit's
  // budget, keyed apart, is plenty for a page used once.
  await consumeRateLimit("registration", `setup:${context.ip}`);
  const { email, name, password } = parsed.data;
  return createOwner(
    { email, name, password },
    {
      source: "setup",
      ip: context.ip,
      firstOwnerOnly: true,
      async authorize(tx) {
        if (!isLoopbackIp(context.ip) && !(await isValidSetupToken(tx, context.token)))
          throw new AppError("FORBIDDEN", "Open the setup link printed by npm start, or this page on the server itself");
        // Single use: whoever creates the owner, the token is spent.
        await tx.setting.deleteMany({ where: { key: SETUP_TOKEN_SETTING_KEY } });
      },
    },
  );
}
