// Mailings are the "mailings" admin section (MANAGER and OWNER): every operation checks its actor
// here, whatever page or route called it.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";

export function assertMailingActor(actor: TSectionActor) {
  return assertSectionActor(actor, "mailings");
}
