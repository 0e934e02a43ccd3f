// One webhook endpoint (OWNER only): its settings, the signing secret (reveal, roll), on/off,
// a test event, and the delivery log — each delivery with the request as sent and every
// response — with "resend".
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ActionButtonForm } from "@/components/admin/settings/action-button-form";
import { SettingsTabs } from "@/components/admin/settings/settings-tabs";
import { SecretActionForm } from "@/components/admin/settings/webhooks/secret-action-form";
import { WebhookEndpointForm } from "@/components/admin/settings/webhooks/webhook-endpoint-form";
import { panel } from "@/components/ui/styles";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format-date";
import { getWebhookEndpointOrThrow } from "@/lib/webhooks/endpoints/get-webhook-endpoint";
import {
  deleteWebhookEndpointAction,
  resendWebhookDeliveryAction,
  revealWebhookSecretAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "../actions";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WebhookEndpointPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const actor = await requireStaffPage(sectionRoles("settings"), `/admin/settings/webhooks/${id}`);
  const before = (await searchParams).before;
  let view: Awaited<ReturnType<typeof getWebhookEndpointOrThrow>>;
  try {
    view = await getWebhookEndpointOrThrow(id, { id: actor.id, role: actor.role }, { before: typeof before === "string" ? before : undefined });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const [t, tSettings] = await Promise.all([getTranslations("webhooks"), getTranslations("settings")]);
  const { endpoint, deliveries, nextBefore } = view;
  return (
    <>
      <PageHeader title={tSettings("title")} />
      <SettingsTabs active="webhooks" />
      <div className="flex flex-col gap-8">
        <Link href="/admin/settings/webhooks" className="text-sm text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
        <section aria-labelledby="endpoint-settings" className="flex max-w-4xl flex-col gap-3">
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="endpoint-settings" className="text-lg font-semibold">
              {t("settingsTitle")}
            </h2>
            <span className={endpoint.status === "ENABLED" ? "text-emerald-700" : "text-red-700"} data-testid="webhook-endpoint-status">
              {t(`statuses.${endpoint.status}`)}
              {endpoint.disabledReason ? ` — ${t(`disabledReasons.${endpoint.disabledReason}` as never)}` : ""}
            </span>
          </div>
          <div className="flex flex-wrap gap-2">
            <ActionButtonForm
              action={setWebhookEndpointEnabledAction}
              fields={{ endpointId: endpoint.id, enabled: String(endpoint.status !== "ENABLED") }}
              label={endpoint.status === "ENABLED" ? t("disable") : t("enable")}
              testId="webhook-toggle"
            />
            <ActionButtonForm action={sendTestWebhookAction} fields={{ endpointId: endpoint.id }} label={t("test")} testId="webhook-test" />
            <ActionButtonForm action={deleteWebhookEndpointAction} fields={{ endpointId: endpoint.id }} label={t("delete")} confirmText={t("deleteConfirm")} testId="webhook-delete" danger />
          </div>
          <WebhookEndpointForm action={updateWebhookEndpointAction} endpoint={endpoint} />
        </section>

        <section aria-labelledby="endpoint-secret" className="flex max-w-4xl flex-col gap-3">
          <h2 id="endpoint-secret" className="text-lg font-semibold">
            {t("secretTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("secretIntro")}</p>
          {endpoint.previousSecretExpiresAt ? (
            <p className="text-sm text-amber-800">{t("previousSecretUntil", { until: formatDateTime(new Date(endpoint.previousSecretExpiresAt)) })}</p>
          ) : null}
          <div className="flex flex-wrap items-start gap-4">
            <SecretActionForm action={revealWebhookSecretAction} endpointId={endpoint.id} label={t("reveal")} testId="webhook-reveal" />
            <SecretActionForm action={rotateWebhookSecretAction} endpointId={endpoint.id} label={t("rotate")} confirmText={t("rotateConfirm")} testId="webhook-rotate" />
          </div>
        </section>

        <section aria-labelledby="endpoint-deliveries" className="flex flex-col gap-3">
          <h2 id="endpoint-deliveries" className="text-lg font-semibold">
            {t("deliveriesTitle")}
          </h2>
          {deliveries.length === 0 ? (
            <p className="text-sm text-slate-500">{t("deliveriesEmpty")}</p>
          ) : (
            <div className={`${panel} overflow-x-auto`}>
              <table className="table" data-testid="webhook-deliveries">
                <thead>
                  <tr>
                    <th>{t("event")}</th>
                    <th>{t("createdAt")}</th>
                    <th>{t("status")}</th>
                    <th>{t("attempts")}</th>
                    <th>{t("response")}</th>
                    <th>{t("nextAttempt")}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {deliveries.map((delivery) => (
                    <tr key={delivery.id} data-testid="webhook-delivery" data-status={delivery.status} className="align-top">
                      <td>
                        <span className="font-mono text-sm">{delivery.type}</span>
                        <span className="block font-mono text-xs text-slate-500">{delivery.eventId}</span>
                        <details className="mt-1">
                          <summary className="cursor-pointer text-xs text-brand-700">{t("details")}</summary>
                          <div className="mt-2 flex max-w-3xl flex-col gap-2 text-xs">
                            <span className="font-semibold">{t("requestBody")}</span>
                            <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 whitespace-pre-wrap">{JSON.stringify(JSON.parse(delivery.body), null, 2)}</pre>
                            {delivery.log.map((entry) => (
                              <div key={entry.id} className="rounded border border-slate-200 p-2" data-testid="webhook-attempt">
                                <div className="font-semibold">
                                  {entry.isResend ? t("resendAttempt") : t("attempt", { attempt: entry.attempt })} · {formatDateTime(new Date(entry.createdAt))} ·{" "}
                                  {entry.statusCode ?? t("noResponse")}
                                  {entry.responseTimeMs !== null ? ` · ${t("responseTime", { ms: entry.responseTimeMs })}` : ""}
                                </div>
                                {entry.error ? <div className="text-red-700">{entry.error}</div> : null}
                                {entry.responseExcerpt ? <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap text-slate-700">{entry.responseExcerpt}</pre> : null}
                                <div className="mt-1 text-slate-500">{t("requestHeaders")}</div>
                                <pre className="overflow-auto whitespace-pre-wrap text-slate-600">
                                  {Object.entries(entry.requestHeaders)
                                    .map(([name, value]) => `${name}: ${value}`)
                                    .join("\n")}
                                </pre>
                              </div>
                            ))}
                          </div>
                        </details>
                      </td>
                      <td className="whitespace-nowrap">{formatDateTime(new Date(delivery.createdAt))}</td>
                      <td className={delivery.status === "FAILED" ? "text-red-700" : delivery.status === "SUCCEEDED" ? "text-emerald-700" : "text-amber-700"}>
                        {t(`deliveryStatuses.${delivery.status}`)}
                      </td>
                      <td>{delivery.attempts}</td>
                      <td>{delivery.lastStatusCode ?? "—"}</td>
                      <td className="whitespace-nowrap">{delivery.nextAttemptAt ? formatDateTime(new Date(delivery.nextAttemptAt)) : "—"}</td>
                      <td>
                        <ActionButtonForm action={resendWebhookDeliveryAction} fields={{ endpointId: endpoint.id, deliveryId: delivery.id }} label={t("resend")} testId="webhook-resend" />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="flex gap-4 text-sm">
            {before ? (
              <Link href={`/admin/settings/webhooks/${endpoint.id}`} className="text-brand-700 hover:underline">
                {t("newest")}
              </Link>
            ) : null}
            {nextBefore ? (
              <Link href={`/admin/settings/webhooks/${endpoint.id}?before=${nextBefore}`} className="text-brand-700 hover:underline">
                {t("older")} →
              </Link>
            ) : null}
          </div>
        </section>
      </div>
    </>
  );
}
