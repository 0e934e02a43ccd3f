"use server";
// The cabinet's postback page: set / change / remove the URL, and replay one of the partner's own
// logged postbacks. The partner is always the session's; a log id of another partner is "not
// found" (replayPostback scopes by partner), never a hint that it exists.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { EXPLAINED_POSTBACK_ERRORS, type PostbackActionState } from "@/components/postbacks/postback-action-state";
import { replayPostback } from "@/lib/affiliates/postbacks/replay-postback";
import { setPostbackUrl } from "@/lib/affiliates/postbacks/set-postback-url";
import { assertPartner } from "@/lib/auth/guard";
import { clientIpFrom } from "@/lib/client-ip";
import { toAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

function failure(error: unknown, what: string, values?: { postbackUrl: string }): PostbackActionState {
  const appError = toAppError(error);
  const code = EXPLAINED_POSTBACK_ERRORS.has(appError.code) ? appError.code : "INTERNAL";
  if (code === "INTERNAL") logger.error({ err: appError.cause ?? error }, `${what} failed`);
  const fieldErrors: Record<string, string> = {};
  for (const [field, keys] of Object.entries(appError.fieldErrors ?? {})) {
    if (keys[0]) fieldErrors[field] ??= keys[0];
  }
  return { status: "error", message: `postbacks.actionErrors.${code}`, fieldErrors, ...(values ? { values } : {}) };
}

export async function savePostbackUrlAction(_state: PostbackActionState, formData: FormData): Promise<PostbackActionState> {
  const value = formData.get("postbackUrl");
  const values = { postbackUrl: typeof value === "string" ? value.slice(0, 4000) : "" };
  try {
    const actor = await assertPartner();
    const { postbackUrl } = await setPostbackUrl(actor.id, values, { ip: clientIpFrom(await headers()) });
    revalidatePath("/partner/postbacks");
    return { status: "success", message: postbackUrl ? "postbacks.saved" : "postbacks.removed" };
  } catch (error) {
    return failure(error, "postback URL save", values);
  }
}

export async function replayOwnPostbackAction(_state: PostbackActionState, formData: FormData): Promise<PostbackActionState> {
  const logId = formData.get("logId");
  try {
    const actor = await assertPartner();
    await replayPostback({ logId: typeof logId === "string" ? logId.slice(0, 40) : "", partnerId: actor.id });
    revalidatePath("/partner/postbacks");
    return { status: "success", message: "postbacks.replayQueued" };
  } catch (error) {
    return failure(error, "postback replay");
  }
}
