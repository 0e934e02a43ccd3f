// One mailing. A draft: the editor, the audience count, the preview (ru and en, as recipients get
// it), a test send and the start button (an empty audience is refused with a message). Once
// started: the live progress with pause / resume / cancel, the statistics, and the preview.
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { MailingActionForm } from "@/components/marketing/mailings/mailing-action-form";
import { MailingEditor } from "@/components/marketing/mailings/mailing-editor";
import { MailingProgress } from "@/components/marketing/mailings/mailing-progress";
import { TestSendForm } from "@/components/marketing/mailings/test-send-form";
import { secondaryButton } from "@/components/ui/styles";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { toAppError } from "@/lib/errors";
import { clientMessages } from "@/lib/i18n/client-messages";
import { countMailingAudience } from "@/lib/marketing/mailings/count-mailing-audience";
import { getMailingOrThrow } from "@/lib/marketing/mailings/get-mailing";
import { renderMailingPreview } from "@/lib/marketing/mailings/render-mailing";
import { cancelMailingAction, deleteMailingAction, pauseMailingAction, resumeMailingAction, saveMailingAction, startMailingAction, testSendMailingAction } from "../actions";
import { editorOptions } from "../editor-options";

export default async function MailingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage(sectionRoles("mailings"), `/admin/mailings/${encodeURIComponent(id)}`);
  const actor = { id: staff.id, role: staff.role };
  const mailing = await getMailingOrThrow(id.slice(0, 64), actor).catch((error: unknown) => {
    if (toAppError(error).code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("mailings");
  const messages = await clientMessages(["mailings"]);
  const { status } = mailing.progress;
  const [previewRu, previewEn] = await Promise.all([renderMailingPreview(mailing, "ru"), renderMailingPreview(mailing, "en")]);

  const preview = (
    <section className="card grid gap-4" data-testid="mailing-preview">
      <h2 className="text-lg font-semibold">{t("preview.title")}</h2>
      <div className="grid gap-4 xl:grid-cols-2">
        {(
          [
            ["ru", previewRu],
            ["en", previewEn],
          ] as const
        ).map(([locale, rendered]) => (
          <figure key={locale} className="grid gap-2">
            <figcaption className="text-sm text-slate-600">
              {t(`preview.${locale}`)}: <strong className="text-slate-900">{rendered.subject}</strong>
            </figcaption>
            <iframe title={t(`preview.${locale}`)} srcDoc={rendered.html} sandbox="" className="h-[480px] w-full rounded-md border border-slate-200 bg-white" />
          </figure>
        ))}
      </div>
      <NextIntlClientProvider messages={messages}>
        <TestSendForm action={testSendMailingAction} mailingId={mailing.id} defaultTo={staff.email} />
      </NextIntlClientProvider>
    </section>
  );

  if (status === "DRAFT") {
    const audience = mailing.audience;
    const [options, count] = await Promise.all([editorOptions(actor), audience ? countMailingAudience(audience, actor) : Promise.resolve(0)]);
    const values = {
      id: mailing.id,
      name: mailing.name,
      audienceKind: audience?.kind ?? "customers",
      rfmSegment: audience?.kind === "customers" ? (audience.rfmSegment ?? "") : "",
      abcClass: audience?.kind === "customers" ? (audience.abcClass ?? "") : "",
      tag: audience?.kind === "customers" ? (audience.tag ?? "") : "",
      region: audience?.kind === "customers" ? (audience.region ?? "") : "",
      productId: audience?.kind === "customers" ? (audience.productId ?? "") : "",
      orderStatus: audience?.kind === "customers" ? (audience.orderStatus ?? "") : "",
      subject: mailing.subject,
      body: mailing.body,
      subjectEn: mailing.subjectEn,
      bodyEn: mailing.bodyEn,
      ratePerSecond: mailing.ratePerSecond,
      maxConsecutiveFailures: mailing.maxConsecutiveFailures,
    } as const;
    return (
      <>
        <PageHeader title={mailing.name}>
          <Link href="/admin/mailings" className={secondaryButton}>
            {t("back")}
          </Link>
        </PageHeader>
        <NextIntlClientProvider messages={messages}>
          <section className="card mb-6 grid gap-4" data-testid="mailing-start-panel">
            <p className={count === 0 ? "text-amber-800" : "text-slate-800"} data-testid="mailing-audience-count">
              {count === 0 ? t("audienceEmpty") : t("audienceCount", { count })}
            </p>
            <div className="flex flex-wrap items-start gap-3">
              <MailingActionForm action={startMailingAction} mailingId={mailing.id} label={t("start")} confirm={t("startConfirm", { count })} primary testId="mailing-start" />
              <MailingActionForm action={deleteMailingAction} mailingId={mailing.id} label={t("delete")} confirm={t("deleteConfirm")} testId="mailing-delete" />
            </div>
          </section>
          <section className="card mb-6">
            <MailingEditor key={`${mailing.id}-${mailing.subject}-${mailing.name}`} action={saveMailingAction} values={values} options={options} />
          </section>
        </NextIntlClientProvider>
        {preview}
      </>
    );
  }

  return (
    <>
      <PageHeader title={mailing.name}>
        <Link href="/admin/mailings" className={secondaryButton}>
          {t("back")}
        </Link>
      </PageHeader>
      <NextIntlClientProvider messages={messages}>
        <section className="card mb-6 grid gap-4">
          <h2 className="text-lg font-semibold">{t("progress.title")}</h2>
          <MailingProgress mailingId={mailing.id} initial={mailing.progress} />
          <div className="flex flex-wrap items-start gap-3">
            {status === "SENDING" ? <MailingActionForm action={pauseMailingAction} mailingId={mailing.id} label={t("pause")} testId="mailing-pause" /> : null}
            {status === "PAUSED" ? <MailingActionForm action={resumeMailingAction} mailingId={mailing.id} label={t("resume")} primary testId="mailing-resume" /> : null}
            {status === "SENDING" || status === "PAUSED" ? (
              <MailingActionForm action={cancelMailingAction} mailingId={mailing.id} label={t("cancel")} confirm={t("cancelConfirm")} testId="mailing-cancel" />
            ) : null}
          </div>
        </section>
      </NextIntlClientProvider>
      {preview}
    </>
  );
}
