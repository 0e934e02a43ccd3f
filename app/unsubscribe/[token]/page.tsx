// /unsubscribe/<token>: the link in every mailing's footer. Opening it changes nothing (mail
// scanners open links); the confirm button posts to /api/unsubscribe/<token> (a plain form, no
// JavaScript needed), which comes back here with ?done=1. A forged or damaged link says so.
import { getTranslations } from "next-intl/server";
import { toAppError } from "@/lib/errors";
import { describeUnsubscribeLink } from "@/lib/marketing/mailings/describe-unsubscribe-link";

export const dynamic = "force-dynamic";

export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> }) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const t = await getTranslations("unsubscribe");
  const link = await describeUnsubscribeLink(token).catch((error: unknown) => {
    if (toAppError(error).code === "NOT_FOUND") return null;
    throw error;
  });

  return (
    <main className="mx-auto grid max-w-lg gap-4 px-4 py-16">
      <div className="card grid gap-4" data-testid="unsubscribe">
        {!link ? (
          <>
            <h1 className="text-xl font-semibold">{t("invalidTitle")}</h1>
            <p className="text-slate-700" data-testid="unsubscribe-invalid">
              {t("invalidText")}
            </p>
          </>
        ) : done === "1" || link.alreadyUnsubscribed ? (
          <>
            <h1 className="text-xl font-semibold">{t("doneTitle")}</h1>
            <p className="text-slate-700" data-testid="unsubscribe-done">
              {t("doneText", { email: link.email })}
            </p>
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">{t("title")}</h1>
            <p className="text-slate-700">{t("text", { email: link.email })}</p>
            <form method="post" action={`/api/unsubscribe/${encodeURIComponent(token)}`}>
              <input type="hidden" name="from" value="page" />
              <button type="submit" className="btn" data-testid="unsubscribe-confirm">
                {t("confirm")}
              </button>
            </form>
            <p className="text-sm text-slate-500">{t("orderMailNote")}</p>
          </>
        )}
      </div>
    </main>
  );
}
