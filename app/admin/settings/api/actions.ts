"use server";
// Server Actions of Settings → API (OWNER only): create a key (shown once in the answer) and
// revoke one. The domain operations re-check the role, validate and audit.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { createApiKey } from "@/lib/api/create-api-key";
import { revokeApiKey } from "@/lib/api/revoke-api-key";
import { API_RESOURCES, type ApiResource } from "@/lib/api/scopes";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";

const PATH = "/admin/settings/api";

export type CreateApiKeyState = ActionState & { key?: string };

async function owner() {
  const actor = await assertStaff(sectionRoles("settings"));
  return { actor: { id: actor.id, role: actor.role }, context: { ip: clientIpFrom(await headers()) } };
}

export async function createApiKeyAction(_state: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  try {
    const { actor, context } = await owner();
    // One select per resource: "", "read" or "write".
    const scopes = (Object.keys(API_RESOURCES) as ApiResource[]).flatMap((resource) => {
      const access = formData.get(`scope:${resource}`);
      return access === "read" || access === "write" ? [`${resource}:${access}`] : [];
    });
    const name = formData.get("name");
    const { key } = await createApiKey({ name: typeof name === "string" ? name.slice(0, 200) : undefined, scopes }, actor, context);
    revalidatePath(PATH);
    return { status: "success", message: (await getTranslations("settings.api"))("created"), key };
  } catch (error) {
    return actionError(error, { namespace: "settings.api.errors", formData, log: "API key creation", fieldOf: (path) => (path.startsWith("scopes") ? "scopes" : path.split(".")[0] || "_") });
  }
}

export async function revokeApiKeyAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await owner();
    await revokeApiKey(formData.get("id"), actor, context);
  } catch (error) {
    return actionError(error, { namespace: "settings.api.errors", log: "API key revocation" });
  }
  revalidatePath(PATH);
  return { status: "success", message: (await getTranslations("settings.api"))("revoked") };
}
