// The partner's email-confirmation link (/partners/confirm/<token>). Mail scanners and link
// previews fetch links before the person does, so a GET only confirms when it looks like a
// person's browser navigation (as app/order/confirm does); anything else sees a "Confirm email"
// button. Either way an expired or forged token changes nothing.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { cache } from "react";
import { ShopShell } from "@/components/checkout/shop-shell";
import { ConfirmEmailForm } from "@/components/partners/confirm-email-form";
import { ConfirmEmailResult } from "@/components/partners/confirm-email-result";
import { toConfirmEmailView } from "@/components/partners/confirm-email-view";
import { confirmPartnerEmail, peekPartnerEmailToken } from "@/lib/affiliates/confirm-partner-email";
import { confirmPartnerEmailAction } from "./actions";
import { isPersonNavigating } from "@/lib/is-person-navigating";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("partnerJoin.confirm");
  return { title: t("metaTitle") };
}

// Once per request: a second call would report the first one's work as "already confirmed".
const confirmOnce = cache((token: string) => confirmPartnerEmail(token));

export default async function ConfirmPartnerEmailPage({ params }: Props) {
  const { token } = await params;
  if (isPersonNavigating(await headers())) {
    return (
      <ShopShell width="narrow">
        <ConfirmEmailResult view={toConfirmEmailView(await confirmOnce(token))} />
      </ShopShell>
    );
  }
  const peek = await peekPartnerEmailToken(token);
  return (
    <ShopShell width="narrow">
      {/* A used link gets the button too: pressing it tells where the account stands now. */}
      {peek === "VALID" || peek === "USED" ? (
        <ConfirmEmailForm token={token} action={confirmPartnerEmailAction} />
      ) : peek === "EXPIRED" ? (
        <ConfirmEmailResult view="EXPIRED" />
      ) : (
        <ConfirmEmailResult view="INVALID" />
      )}
    </ShopShell>
  );
}
