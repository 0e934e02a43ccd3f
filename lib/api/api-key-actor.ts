// An authenticated API caller, as the domain operations see it: the key's id (for the order
// history and the audit log) and its scopes (re-checked by the operations the API calls).
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { hasScope, type ApiScope } from "./scopes";

export const ZApiKeyActor = z.object({ type: z.literal("API_KEY"), id: z.string().min(1).max(64), scopes: z.array(z.string().max(64)).max(64) });
export type TApiKeyActor = z.infer<typeof ZApiKeyActor>;

export function isApiKeyActor(actor: unknown): actor is TApiKeyActor {
  return ZApiKeyActor.safeParse(actor).success;
}

/** FORBIDDEN unless the key has `scope`. */
export function assertApiScope(actor: TApiKeyActor, scope: ApiScope): TApiKeyActor {
  const parsed = ZApiKeyActor.parse(actor);
  if (!hasScope(parsed.scopes, scope)) throw new AppError("FORBIDDEN", `This API key lacks the ${scope} scope`);
  return parsed;
}
