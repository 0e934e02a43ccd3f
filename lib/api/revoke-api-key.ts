// Settings → API → revoke (OWNER only): the key stops working at once (every call re-reads it).
// Audited; revoking a revoked key changes nothing.
import { z } from "zod";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

const ZApiKeyId = z.string().trim().min(1).max(64);

export async function revokeApiKey(id: unknown, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ revoked: boolean }> {
  const owner = assertSectionActor(actor, "settings");
  const parsed = ZApiKeyId.safeParse(id);
  if (!parsed.success) throw notFound("API key");
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: parsed.data }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!key) throw notFound("API key");
    if (key.revokedAt) return { revoked: false };
    const revokedAt = new Date();
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt }, select: { id: true } });
    await recordAudit(tx, {
      actor: { type: "staff", id: owner.id },
      action: "api_key.revoked",
      entity: { type: "ApiKey", id: key.id },
      data: { before: { revokedAt: null }, after: { revokedAt: revokedAt.toISOString() }, name: key.name, prefix: key.prefix },
      ip: context.ip,
    });
    return { revoked: true };
  });
}
