"use server";
// The cabinet's postback page: set / change / remove the URL, and replay one of the partner's own
// logged postbacks. The partner is always the session's; a log id of another partner is "not
// found" (replayPostback scopes by partner), never a hint that it exists.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { replayPostback } from "@/lib/affiliates/postbacks/replay-postback";
import { setPostbackUrl } from "@/lib/affiliates/postbacks/set-postback-url";
import { assertPartner } from "@/lib/auth/guard";
import { clientIpFrom } from "@/lib/client-ip";
import { actionErrorKeys } from "@/lib/forms/action-error";
import { actionSuccess, type ActionState } from "@/lib/forms/action-state";

// Messages go back as i18n keys: the components translate them.
const NAMESPACE = "postbacks.actionErrors";

export async function savePostbackUrlAction(_state: ActionState<{ postbackUrl: string }>, formData: FormData): Promise<ActionState<{ postbackUrl: string }>> {
  const value = formData.get("postbackUrl");
  const values = { postbackUrl: typeof value === "string" ? value.slice(0, 4000) : "" };
  try {
    const actor = await assertPartner();
    const { postbackUrl } = await setPostbackUrl(actor.id, values, { ip: clientIpFrom(await headers()) });
    revalidatePath("/partner/postbacks");
    return actionSuccess(postbackUrl ? "postbacks.saved" : "postbacks.removed");
  } catch (error) {
    return actionErrorKeys(error, { namespace: NAMESPACE, values, log: "postback URL save" });
  }
}

export async function replayOwnPostbackAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const logId = formData.get("logId");
  try {
    const actor = await assertPartner();
    await replayPostback({ logId: typeof logId === "string" ? logId.slice(0, 40) : "", partnerId: actor.id });
    revalidatePath("/partner/postbacks");
    return actionSuccess("postbacks.replayQueued");
  } catch (error) {
    return actionErrorKeys(error, { namespace: NAMESPACE, log: "postback replay" });
  }
}
