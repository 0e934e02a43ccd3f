import type { Role } from "@/lib/db/generated/enums";
import type { SessionActor } from "./authenticate";

export type StaffActor = Extract<SessionActor, { kind: "staff" }>;
export type PartnerActor = Extract<SessionActor, { kind: "partner" }>;

/** Pure role check shared by pages, actions and route handlers. OWNER passes every check. */
export function staffHasRole(actor: SessionActor | null, roles?: readonly Role[]): actor is StaffActor {
  if (!actor || actor.kind !== "staff") return false;
  return !roles || roles.length === 0 || actor.role === "OWNER" || roles.includes(actor.role);
}
