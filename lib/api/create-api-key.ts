// Settings → API → new key (OWNER only): a name and scopes; the key is returned once and only
// its hash is kept. Audited.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { generateApiKey } from "./api-key-secret";
import { normalizeScopes, ZApiScope } from "./scopes";
import { recordAudit } from "@/lib/audit/record-audit";

export const MAX_ACTIVE_API_KEYS = 50;

export const ZCreateApiKeyInput = z.object({
  name: z.string({ error: "settings.api.errors.nameRequired" }).trim().min(1, { error: "settings.api.errors.nameRequired" }).max(100, { error: "settings.api.errors.nameTooLong" }),
  scopes: z.array(ZApiScope, { error: "settings.api.errors.scopesRequired" }).min(1, { error: "settings.api.errors.scopesRequired" }).max(20),
});

export async function createApiKey(input: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ id: string; key: string; prefix: string }> {
  const owner = assertSectionActor(actor, "settings");
  const parsed = ZCreateApiKeyInput.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Some fields are invalid", { fieldErrors: zodFieldErrors(parsed.error) });
  const scopes = normalizeScopes(parsed.data.scopes);
  const { key, prefix, keyHash } = generateApiKey();
  return db.$transaction(async (tx) => {
    const active = await tx.apiKey.count({ where: { revokedAt: null } });
    if (active >= MAX_ACTIVE_API_KEYS) throw new AppError("CONFLICT", "Too many active API keys: revoke one first");
    const created = await tx.apiKey.create({ data: { name: parsed.data.name, prefix, keyHash, scopes, createdById: owner.id }, select: { id: true } });
    await recordAudit(tx, {
      actor: { type: "staff", id: owner.id },
      action: "api_key.created",
      entity: { type: "ApiKey", id: created.id },
      data: { after: { name: parsed.data.name, prefix, scopes } },
      ip: context.ip,
    });
    return { id: created.id, key, prefix };
  });
}
