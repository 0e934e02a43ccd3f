// Creates an OWNER employee: from `npm run create-owner` (any number of owners, each with an
// unused email) and from the first-run page /setup (only while the shop has no active owner).
// The "no owner yet" check and the insert run in one transaction under an advisory lock, so two
// concurrent first-run submits make one owner. Passwords follow the same rules as a password
// change (lib/auth/change-password.ts) and are stored as argon2id hashes.
import { z } from "zod";
import { db, Prisma, type DbTransaction } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { ZChangePassword } from "./change-password";
import { hashPassword } from "./password";
import { recordAudit } from "@/lib/audit/record-audit";

// Messages are i18n keys (messages/*.json, "setup.errors"): the first-run page shows them
// translated, the command line in English.
export const ZCreateOwnerInput = z.object({
  email: z
    .string({ error: "setup.errors.emailInvalid" })
    .trim()
    .toLowerCase()
    .max(254, { error: "setup.errors.tooLong" })
    .pipe(z.email({ error: "setup.errors.emailInvalid" })),
  name: z.string({ error: "setup.errors.nameRequired" }).trim().min(1, { error: "setup.errors.nameRequired" }).max(200, { error: "setup.errors.tooLong" }),
  // The rule of every new password is the password change's; only the message is this form's.
  password: z.string({ error: "setup.errors.passwordLength" }).refine((value) => ZChangePassword.shape.newPassword.safeParse(value).success, { error: "setup.errors.passwordLength" }),
});

/** pg_advisory_xact_lock key serialising owner creation (any constant unique to it). */
const OWNER_LOCK_KEY = 7_311_001;

export interface CreatedOwner {
  id: string;
  email: string;
  name: string;
}

export interface CreateOwnerOptions {
  /** Who asked: the command line or the first-run page. Recorded in the audit log. */
  source: "cli" | "setup";
  ip?: string;
  /** Refuse when an active owner exists (the first-run page). */
  firstOwnerOnly?: boolean;
  /** Runs inside the transaction after the owner check and before the insert (e.g. consuming a setup token); throw to refuse. */
  authorize?: (tx: DbTransaction) => Promise<void>;
  /** A client of another database (the command line's); the app's `db` by default. */
  client?: PrismaClient;
}

const emailTaken = () => new AppError("CONFLICT", "This email is already used by an employee", { fieldErrors: { email: ["setup.errors.emailTaken"] } });

const ownerExists = () => new AppError("CONFLICT", "The shop already has an owner");

/** Whether any active OWNER exists (the first-run page is open only while this is false). */
export async function hasActiveOwner(client: PrismaClient | DbTransaction = db): Promise<boolean> {
  return (await client.user.count({ where: { role: "OWNER", isActive: true } })) > 0;
}

export async function createOwner(input: unknown, options: CreateOwnerOptions): Promise<CreatedOwner> {
  const parsed = ZCreateOwnerInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const { email, name, password } = parsed.data;
  const client = options.client ?? db;

  // Hashing takes a while: do it before taking the lock.
  const passwordHash = await hashPassword(password);
  try {
    return await client.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OWNER_LOCK_KEY}::bigint)`;
      if (options.firstOwnerOnly && (await hasActiveOwner(tx))) throw ownerExists();
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
      await options.authorize?.(tx);
      const owner = await tx.user.create({ data: { email, name, passwordHash, role: "OWNER" }, select: { id: true, email: true, name: true } });
      await recordAudit(tx, {
        actor: { type: "system", id: owner.id },
        action: "user.owner_created",
        entity: { type: "User", id: owner.id },
        data: { source: options.source },
        ip: options.ip,
      });
      return owner;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw emailTaken();
    throw error;
  }
}
