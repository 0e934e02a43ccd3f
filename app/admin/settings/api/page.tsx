// Settings → API (OWNER only): the REST API's keys — name, prefix, scopes, who made it, last
// use, status — with revoke, the form for a new key, and links to the reference and the
// OpenAPI document.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ActionButtonForm } from "@/components/admin/settings/action-button-form";
import { CreateApiKeyForm } from "@/components/admin/settings/api/create-api-key-form";
import { SettingsTabs } from "@/components/admin/settings/settings-tabs";
import { listApiKeys } from "@/lib/api/list-api-keys";
import { API_RESOURCES } from "@/lib/api/scopes";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format-date";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export default async function ApiSettingsPage() {
  const actor = await requireStaffPage(sectionRoles("settings"), "/admin/settings/api");
  const [t, tSettings, keys] = await Promise.all([getTranslations("settings.api"), getTranslations("settings"), listApiKeys({ id: actor.id, role: actor.role })]);
  const resources = Object.entries(API_RESOURCES).map(([name, { write }]) => ({ name, write }));
  return (
    <>
      <PageHeader title={tSettings("title")} />
      <SettingsTabs active="api" />
      <div className="flex flex-col gap-8">
        <section aria-labelledby="api-keys" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="api-keys" className="text-lg font-semibold">
              {t("title")}
            </h2>
            <div className="flex gap-4 text-sm">
              <Link href="/admin/settings/api/reference" className="text-brand-700 hover:underline">
                {t("reference")}
              </Link>
              <a href="/api/v1/openapi.json" className="text-brand-700 hover:underline">
                OpenAPI (JSON)
              </a>
            </div>
          </div>
          <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
          {keys.length === 0 ? (
            <p className="text-sm text-slate-500">{t("empty")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="table" data-testid="api-keys-table">
                <thead>
                  <tr>
                    <th>{t("name")}</th>
                    <th>{t("key")}</th>
                    <th>{t("scopes")}</th>
                    <th>{t("createdAt")}</th>
                    <th>{t("lastUsed")}</th>
                    <th>{t("status")}</th>
                    <th>{t("actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {keys.map((key) => (
                    <tr key={key.id} data-testid="api-key-row" data-prefix={key.prefix}>
                      <td>{key.name}</td>
                      <td>
                        <code className="font-mono text-xs">lk_live_{key.prefix}_…</code>
                      </td>
                      <td>
                        <ul className="flex flex-wrap gap-1">
                          {key.scopes.map((scope) => (
                            <li key={scope} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
                              {scope}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        {formatDateTime(new Date(key.createdAt))}
                        {key.createdBy ? <span className="block text-xs text-slate-500">{key.createdBy}</span> : null}
                      </td>
                      <td>{key.lastUsedAt ? formatDateTime(new Date(key.lastUsedAt)) : t("never")}</td>
                      <td>{key.revokedAt ? t("revokedAt", { date: formatDateTime(new Date(key.revokedAt)) }) : t("active")}</td>
                      <td>
                        {key.revokedAt ? null : (
                          <ActionButtonForm
                            action={revokeApiKeyAction}
                            fields={{ id: key.id }}
                            label={t("revoke")}
                            confirmText={t("revokeConfirm", { name: key.name })}
                            testId="revoke-api-key"
                            danger
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="api-new-key" className="flex max-w-xl flex-col gap-3">
          <h2 id="api-new-key" className="text-lg font-semibold">
            {t("newKey")}
          </h2>
          <CreateApiKeyForm action={createApiKeyAction} resources={resources} />
        </section>
      </div>
    </>
  );
}
