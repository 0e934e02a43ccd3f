// A partner sets, changes or removes their postback URL (/partner/postbacks). The template must
// pass validatePostbackUrl (http(s), no macros in the host) and its host must pass the same SSRF
// guard the worker applies before every request (assertPublicHost): a URL the worker would refuse
// to call is refused here, with a message the partner can act on, instead of failing silently in
// the log later. An empty value removes the URL (no more postbacks). Changes are audit-logged.
import { z } from "zod";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { assertPublicHost, PrivateHostError } from "./assert-public-host";
import { validatePostbackUrl } from "./validate-postback-url";
import { recordAudit } from "@/lib/audit/record-audit";

/** Message keys (namespace "postbacks") for what the host check refuses. */
export const POSTBACK_HOST_ERRORS = {
  privateHost: "postbacks.errors.urlPrivateHost",
  unresolvable: "postbacks.errors.urlUnresolvable",
} as const;

export const ZSetPostbackUrlInput = z.object({
  /** As typed; empty (or only spaces) removes the URL. */
  postbackUrl: z.string({ error: "postbacks.errors.urlInvalid" }).max(4000, { error: "postbacks.errors.urlTooLong" }),
});

const refused = (key: string) => new AppError("VALIDATION", "The postback URL is invalid", { fieldErrors: { postbackUrl: [key] } });

/** Throws a VALIDATION AppError (field `postbackUrl`) when the worker would not call this host. */
export async function assertPostbackHostAllowed(url: string): Promise<void> {
  try {
    await assertPublicHost(url, getEnv().POSTBACK_ALLOW_PRIVATE_HOSTS);
  } catch (error) {
    if (error instanceof PrivateHostError) throw refused(POSTBACK_HOST_ERRORS.privateHost);
    // DNS said no (ENOTFOUND, a timeout): the worker could not reach it either.
    throw refused(POSTBACK_HOST_ERRORS.unresolvable);
  }
}

export async function setPostbackUrl(partnerId: string, input: unknown, context: { ip?: string } = {}): Promise<{ postbackUrl: string | null }> {
  const parsed = ZSetPostbackUrlInput.safeParse(input);
  if (!parsed.success) throw refused(parsed.error.issues[0]?.message ?? "postbacks.errors.urlInvalid");
  const typed = parsed.data.postbackUrl.trim();
  const postbackUrl = typed === "" ? null : validatePostbackUrl(typed);
  if (postbackUrl) await assertPostbackHostAllowed(postbackUrl);

  return db.$transaction(async (tx) => {
    const [partner] = await tx.$queryRaw<{ id: string; postbackUrl: string | null }[]>`SELECT id, "postbackUrl" FROM "Partner" WHERE id = ${partnerId} FOR UPDATE`;
    if (!partner) throw notFound("Partner");
    if (partner.postbackUrl === postbackUrl) return { postbackUrl };
    await tx.partner.update({ where: { id: partner.id }, data: { postbackUrl }, select: { id: true } });
    await recordAudit(tx, {
      actor: { type: "partner", id: partner.id },
      action: "partner.postback_url_set",
      entity: { type: "Partner", id: partner.id },
      before: { postbackUrl: partner.postbackUrl },
      after: { postbackUrl },
      ip: context.ip,
    });
    return { postbackUrl };
  });
}
