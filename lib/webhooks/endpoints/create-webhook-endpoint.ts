// The owner adds a webhook endpoint. The signing secret is returned once here (and later only by
// an audited "reveal").
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { generateWebhookSecret } from "../sign-payload";
import { parseWebhookEndpointInput, type TWebhookEndpointInput } from "./webhook-endpoint-input";

export async function createWebhookEndpoint(input: TWebhookEndpointInput, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ id: string; secret: string }> {
  const owner = assertSectionActor(actor, "settings");
  const fields = await parseWebhookEndpointInput(input);
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({ data: { ...fields, secret, createdById: owner.id }, select: { id: true } });
    await recordAudit(tx, {
      actor: { type: "USER", id: owner.id },
      action: "webhook.create",
      entity: { type: "WebhookEndpoint", id: endpoint.id },
      before: null,
      after: fields,
      ip: context.ip,
    });
    return { id: endpoint.id, secret };
  });
}
