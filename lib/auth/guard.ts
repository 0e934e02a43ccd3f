// The authorisation layer: every page, Server Action and route handler calls one of these
// before anything else. Middleware is not trusted for this. The session is re-checked against
// the database on each call (account active, session version, current role).
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db, type Role } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";
import type { SessionActor } from "./authenticate";
import { getAuthOptions } from "./options";

import { staffHasRole, type PartnerActor, type StaffActor } from "./guard-roles";

export { staffHasRole, type PartnerActor, type StaffActor };

/**
 * The signed-in actor, verified against the database, or null. Read once per page render: the
 * admin layout and its page both ask, and each read decrypts the session cookie and queries the
 * account (React's cache is scoped to one render; Server Actions and route handlers, called
 * outside a render, read afresh on every call).
 */
export const getActor = cache(async (): Promise<SessionActor | null> => {
  const session = await getServerSession(getAuthOptions());
  return session?.actor ? verifySessionActor(session.actor) : null;
});

/**
 * Re-reads the account a session claims: null when it is gone, deactivated or banned, or when
 * its session version moved on (password changed, signed out everywhere). The role comes from
 * the database, so a role change applies to open sessions at once.
 */
export async function verifySessionActor(claimed: SessionActor): Promise<SessionActor | null> {
  if (claimed.kind === "staff") {
    const user = await db.user.findUnique({
      where: { id: claimed.id },
      select: { id: true, role: true, name: true, email: true, isActive: true, sessionVersion: true },
    });
    if (!user || !user.isActive || user.sessionVersion !== claimed.sessionVersion) return null;
    return { kind: "staff", id: user.id, role: user.role, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
  }
  const partner = await db.partner.findUnique({
    where: { id: claimed.id },
    select: { id: true, login: true, name: true, email: true, status: true, sessionVersion: true },
  });
  if (!partner || partner.status === "BANNED" || partner.sessionVersion !== claimed.sessionVersion) return null;
  return {
    kind: "partner",
    id: partner.id,
    login: partner.login,
    name: partner.name,
    email: partner.email,
    sessionVersion: partner.sessionVersion,
  };
}

/** For Server Actions and route handlers: throws 401/403 AppErrors. */
export async function assertStaff(roles?: readonly Role[]): Promise<StaffActor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  if (!staffHasRole(actor, roles)) throw new AppError("FORBIDDEN", "You do not have access to this");
  return actor;
}

export async function assertPartner(): Promise<PartnerActor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  if (actor.kind !== "partner") throw new AppError("FORBIDDEN", "You do not have access to this");
  return actor;
}

/** For pages: anonymous → sign-in page (coming back afterwards); wrong role → 403 page. */
export async function requireStaffPage(roles?: readonly Role[], returnTo?: string): Promise<StaffActor> {
  const actor = await getActor();
  if (!actor || actor.kind !== "staff") redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo ?? (await requestedPath("/admin")))}`);
  if (!staffHasRole(actor, roles)) forbidden();
  return actor;
}

export async function requirePartnerPage(returnTo?: string): Promise<PartnerActor> {
  const actor = await getActor();
  if (!actor || actor.kind !== "partner") redirect(`/partners/signin?callbackUrl=${encodeURIComponent(returnTo ?? (await requestedPath("/partner")))}`);
  return actor;
}

/** The path being rendered (set by proxy.ts), for coming back after signing in. */
async function requestedPath(fallback: string) {
  const path = (await headers()).get(REQUEST_PATH_HEADER);
  return path && path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
