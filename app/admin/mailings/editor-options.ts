// The editor's select boxes, localised: audience choices from the domain plus regions and order statuses.
import { getTranslations } from "next-intl/server";
import type { AudienceOptions, MailingEditorValues } from "@/components/marketing/mailings/mailing-editor";
import { OrderStatus, Region } from "@/lib/db/generated/enums";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { listAudienceOptions } from "@/lib/marketing/mailings/list-audience-options";

export async function editorOptions(actor: TSectionActor): Promise<AudienceOptions> {
  const [t, options] = await Promise.all([getTranslations(), listAudienceOptions(actor)]);
  return {
    ...options,
    regions: Object.values(Region).map((region) => ({ value: region, label: t(`mailings.regions.${region}`) })),
    orderStatuses: Object.values(OrderStatus).map((status) => ({ value: status, label: t(`orderStatus.${status}` as never) })),
  };
}

export const NEW_MAILING: MailingEditorValues = {
  name: "",
  audienceKind: "customers",
  rfmSegment: "",
  abcClass: "",
  tag: "",
  region: "",
  productId: "",
  orderStatus: "",
  subject: "",
  body: "",
  subjectEn: "",
  bodyEn: "",
  ratePerSecond: 50,
  maxConsecutiveFailures: 20,
};
