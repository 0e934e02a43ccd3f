// Settings → Webhooks (OWNER only): the endpoints, how their last day went, and a form to add one.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { SettingsTabs } from "@/components/admin/settings/settings-tabs";
import { WebhookEndpointForm } from "@/components/admin/settings/webhooks/webhook-endpoint-form";
import { panel } from "@/components/ui/styles";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format-date";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints/list-webhook-endpoints";
import { createWebhookEndpointAction } from "./actions";

export default async function WebhooksPage() {
  const actor = await requireStaffPage(sectionRoles("settings"), "/admin/settings/webhooks");
  const [t, tSettings, endpoints] = await Promise.all([getTranslations("webhooks"), getTranslations("settings"), listWebhookEndpoints({ id: actor.id, role: actor.role })]);
  return (
    <>
      <PageHeader title={tSettings("title")} />
      <SettingsTabs active="webhooks" />
      <div className="flex flex-col gap-8">
        <section aria-labelledby="webhooks-list" className="flex flex-col gap-3">
          <h2 id="webhooks-list" className="text-lg font-semibold">
            {t("listTitle")}
          </h2>
          <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
          {endpoints.length === 0 ? (
            <p className="text-sm text-slate-500">{t("empty")}</p>
          ) : (
            <div className={`${panel} overflow-x-auto`}>
              <table className="table" data-testid="webhook-endpoints">
                <thead>
                  <tr>
                    <th>{t("url")}</th>
                    <th>{t("events")}</th>
                    <th>{t("status")}</th>
                    <th>{t("lastDay")}</th>
                    <th>{t("lastSuccess")}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {endpoints.map((endpoint) => (
                    <tr key={endpoint.id} data-testid="webhook-endpoint-row">
                      <td className="max-w-md">
                        <span className="font-mono text-sm break-all">{endpoint.url}</span>
                        {endpoint.description ? <span className="block text-xs text-slate-500">{endpoint.description}</span> : null}
                      </td>
                      <td className="font-mono text-xs">{endpoint.events.join(", ")}</td>
                      <td>
                        <span className={endpoint.status === "ENABLED" ? "text-emerald-700" : "text-red-700"}>{t(`statuses.${endpoint.status}`)}</span>
                        {endpoint.disabledReason ? <span className="block text-xs text-slate-500">{t(`disabledReasons.${endpoint.disabledReason}` as never)}</span> : null}
                      </td>
                      <td className="text-sm whitespace-nowrap">{t("lastDayCounts", endpoint.lastDay)}</td>
                      <td className="whitespace-nowrap">{endpoint.lastSuccessAt ? formatDateTime(new Date(endpoint.lastSuccessAt)) : t("never")}</td>
                      <td>
                        <Link href={`/admin/settings/webhooks/${endpoint.id}`} className="text-brand-700 hover:underline">
                          {t("open")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="webhooks-add" className="flex max-w-4xl flex-col gap-3">
          <h2 id="webhooks-add" className="text-lg font-semibold">
            {t("addTitle")}
          </h2>
          <WebhookEndpointForm action={createWebhookEndpointAction} />
        </section>
      </div>
    </>
  );
}
