// The outcome of opening the partner's email-confirmation link. Rendered by the page and by the
// button's form (a pre-fetched link confirmed by a click), so it uses no server APIs.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { StatusIcon } from "@/components/checkout/status-icon";
import type { ConfirmEmailView } from "./confirm-email-view";

const CONTENT = {
  ACTIVE: { icon: "success", key: "active" },
  AWAITING: { icon: "success", key: "awaiting" },
  BANNED: { icon: "error", key: "banned" },
  EXPIRED: { icon: "warning", key: "expired" },
  INVALID: { icon: "error", key: "invalid" },
} as const;

export function ConfirmEmailResult({ view }: { view: ConfirmEmailView }) {
  const t = useTranslations("partnerJoin.confirm");
  const { icon, key } = CONTENT[view];
  return (
    <div className="flex flex-col items-center gap-4 pt-2 text-center" data-testid="confirm-email-result" data-result={view}>
      <StatusIcon kind={icon} />
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{t(`${key}Title`)}</h1>
      <p className="max-w-lg text-slate-600">{t(`${key}Text`)}</p>
      {view === "ACTIVE" || view === "AWAITING" ? (
        <Link href="/partners/signin" className="btn-secondary mt-2">
          {t("signIn")}
        </Link>
      ) : null}
    </div>
  );
}
