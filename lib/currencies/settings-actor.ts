// Who changes the shop's reference data (currencies, rates, countries, shipping rules): every
// operation re-checks the role itself, so a caller that forgot its guard still cannot write.
import { canOpenSection } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { SettingsActor } from "@/lib/settings/update-shop-settings";

export type { SettingsActor };

export function assertSettingsActor(actor: SettingsActor) {
  if (!canOpenSection(actor.role, "settings")) throw new AppError("FORBIDDEN", "You do not have access to this");
}
