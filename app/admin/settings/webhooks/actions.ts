"use server";
// Server Actions of Settings → Webhooks (OWNER only). Each authorises, reads the form and calls
// the domain operation (which checks the role again, validates, audits); refusals come back as
// localised messages. A new or rolled secret comes back once, in the action's answer.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/endpoints/delete-webhook-endpoint";
import { resendWebhookDelivery } from "@/lib/webhooks/endpoints/resend-webhook-delivery";
import { revealWebhookSecret } from "@/lib/webhooks/endpoints/reveal-webhook-secret";
import { rotateWebhookSecret } from "@/lib/webhooks/endpoints/rotate-webhook-secret";
import { sendTestWebhook } from "@/lib/webhooks/endpoints/send-test-webhook";
import { setWebhookEndpointEnabled } from "@/lib/webhooks/endpoints/set-webhook-endpoint-enabled";
import { updateWebhookEndpoint } from "@/lib/webhooks/endpoints/update-webhook-endpoint";
import { redirect } from "next/navigation";

const PATH = "/admin/settings/webhooks";

/** The answer of an action that hands out a signing secret (shown once). */
export type SecretActionState = ActionState & { secret?: string; endpointId?: string };

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, 4000) : undefined;
};

async function owner() {
  const actor = await assertStaff(sectionRoles("settings"));
  return { actor: { id: actor.id, role: actor.role }, context: { ip: clientIpFrom(await headers()) } };
}

const refused = (error: unknown, formData?: FormData) => actionError(error, { namespace: "webhooks.errors", formData, log: "webhooks action" });

async function done(key: string, endpointId?: string): Promise<ActionState> {
  revalidatePath(PATH);
  if (endpointId) revalidatePath(`${PATH}/${endpointId}`);
  return { status: "success", message: (await getTranslations("webhooks"))(key as never) };
}

const endpointFields = (formData: FormData) => ({
  url: text(formData, "url"),
  description: text(formData, "description"),
  events: formData.getAll("events").filter((value): value is string => typeof value === "string"),
});

export async function createWebhookEndpointAction(_state: SecretActionState, formData: FormData): Promise<SecretActionState> {
  try {
    const { actor, context } = await owner();
    const { id, secret } = await createWebhookEndpoint(endpointFields(formData), actor, context);
    return { ...(await done("created")), secret, endpointId: id };
  } catch (error) {
    return refused(error, formData);
  }
}

export async function updateWebhookEndpointAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const endpointId = text(formData, "endpointId");
  try {
    const { actor, context } = await owner();
    await updateWebhookEndpoint(endpointId, endpointFields(formData), actor, context);
  } catch (error) {
    return refused(error, formData);
  }
  return done("saved", endpointId);
}

export async function setWebhookEndpointEnabledAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const endpointId = text(formData, "endpointId");
  const enabled = text(formData, "enabled") === "true";
  try {
    const { actor, context } = await owner();
    await setWebhookEndpointEnabled({ endpointId, enabled }, actor, context);
  } catch (error) {
    return refused(error);
  }
  return done(enabled ? "enabled" : "disabled", endpointId);
}

export async function rotateWebhookSecretAction(_state: SecretActionState, formData: FormData): Promise<SecretActionState> {
  const endpointId = text(formData, "endpointId");
  try {
    const { actor, context } = await owner();
    const { secret } = await rotateWebhookSecret(endpointId, actor, context);
    return { ...(await done("rotated", endpointId)), secret };
  } catch (error) {
    return refused(error);
  }
}

export async function revealWebhookSecretAction(_state: SecretActionState, formData: FormData): Promise<SecretActionState> {
  try {
    const { actor, context } = await owner();
    const { secret } = await revealWebhookSecret(text(formData, "endpointId"), actor, context);
    return { status: "success", message: (await getTranslations("webhooks"))("revealed"), secret };
  } catch (error) {
    return refused(error);
  }
}

export async function sendTestWebhookAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const endpointId = text(formData, "endpointId");
  try {
    const { actor } = await owner();
    await sendTestWebhook(endpointId, actor);
  } catch (error) {
    return refused(error);
  }
  return done("testSent", endpointId);
}

export async function resendWebhookDeliveryAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const endpointId = text(formData, "endpointId");
  try {
    const { actor, context } = await owner();
    await resendWebhookDelivery({ endpointId, deliveryId: text(formData, "deliveryId") }, actor, context);
  } catch (error) {
    return refused(error);
  }
  return done("resent", endpointId);
}

export async function deleteWebhookEndpointAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await owner();
    await deleteWebhookEndpoint(text(formData, "endpointId"), actor, context);
  } catch (error) {
    return refused(error);
  }
  revalidatePath(PATH);
  redirect(PATH);
}
