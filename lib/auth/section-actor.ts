// The staff check of domain operations: every operation a section's pages call re-checks the
// actor's role itself (the ADMIN_SECTIONS table), so a caller that forgot its guard still cannot
// read or write. The actor comes from the session (lib/auth/guard); the schema keeps a forged or
// malformed one out.
import { z } from "zod";
import { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { canOpenSection, type AdminSection } from "./permissions";

export const ZSectionActor = z.object({ id: z.string().min(1).max(64), role: z.enum(Role) });
export type TSectionActor = z.input<typeof ZSectionActor>;

/** The actor, validated; FORBIDDEN unless it is a staff user whose role may open `section`. */
export function assertSectionActor(actor: TSectionActor, section: AdminSection): z.output<typeof ZSectionActor> {
  const parsed = ZSectionActor.safeParse(actor);
  if (!parsed.success || !canOpenSection(parsed.data.role, section)) throw new AppError("FORBIDDEN", "You do not have access to this");
  return parsed.data;
}
