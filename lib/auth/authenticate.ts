// Checks a sign-in attempt for an employee (by email) or a partner (by login or email).
// Rate-limited per account+IP and per IP; failures say nothing about which part was wrong.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertNotRateLimited, penalise, resetRateLimit } from "@/lib/rate-limit";
import { hashPassword, verifyPassword } from "./password";
import type { Role } from "@/lib/db/generated/enums";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZCredentials = z.object({
  identifier: z.string().trim().toLowerCase().min(1, "Enter your email or login").max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

export type SessionActor =
  | { kind: "staff"; id: string; role: Role; name: string; email: string; sessionVersion: number }
  | { kind: "partner"; id: string; login: string; name: string; email: string; sessionVersion: number };

// Verifying against a real hash when the account does not exist keeps response times alike,
// so timing does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;
const timingDummy = () => (dummyHash ??= hashPassword("lavka-timing-equaliser"));

export async function authenticate(kind: "staff" | "partner", input: { identifier?: unknown; password?: unknown }, ip = "unknown"): Promise<SessionActor> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Enter your email and password");
  const { identifier, password } = parsed.data;

  // Only failures count: a team signing in from one office address is never blocked, while
  // guessing passwords (per account and address, or many accounts from one address) is.
  const accountKey = `${kind}:${identifier}:${ip}`;
  const ipKey = `${kind}:${ip}`;
  await assertNotRateLimited("signInIp", ipKey);
  await assertNotRateLimited("signIn", accountKey);
  const failure = async (error: AppError) => {
    await Promise.all([penalise("signInIp", ipKey), penalise("signIn", accountKey)]);
    return error;
  };

  const invalid = new AppError("UNAUTHENTICATED", "Wrong email or password");
  if (kind === "staff") {
    const user = await db.user.findUnique({
      where: { email: identifier },
      select: { id: true, email: true, name: true, role: true, isActive: true, passwordHash: true, sessionVersion: true },
    });
    if (!user) {
      await verifyPassword(await timingDummy(), password);
      throw await failure(invalid);
    }
    if (!(await verifyPassword(user.passwordHash, password))) throw await failure(invalid);
    if (!user.isActive) throw new AppError("FORBIDDEN", "This account is deactivated");
    await resetRateLimit("signIn", accountKey);
    await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(db, { actor: { type: "staff", id: user.id }, action: "auth.sign_in", ip });
    return { kind, id: user.id, role: user.role, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
  }

  const partner = await db.partner.findFirst({
    where: identifier.includes("@") ? { email: identifier } : { login: identifier },
    select: { id: true, login: true, email: true, name: true, status: true, passwordHash: true, sessionVersion: true },
  });
  if (!partner) {
    await verifyPassword(await timingDummy(), password);
    throw await failure(invalid);
  }
  if (!(await verifyPassword(partner.passwordHash, password))) throw await failure(invalid);
  if (partner.status === "BANNED") throw new AppError("FORBIDDEN", "This partner account is blocked");
  await resetRateLimit("signIn", accountKey);
  await db.partner.update({ where: { id: partner.id }, data: { lastSignInAt: new Date() } });
  await recordAudit(db, { actor: { type: "partner", id: partner.id }, action: "auth.sign_in", ip });
  return {
    kind,
    id: partner.id,
    login: partner.login,
    name: partner.name,
    email: partner.email,
    sessionVersion: partner.sessionVersion,
  };
}
