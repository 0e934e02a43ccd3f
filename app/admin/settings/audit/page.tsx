// Settings → Audit log (OWNER only): who did what, when, to which object, from which address,
// with the fields each action changed; filters in the URL (a GET form), keyset pages, CSV.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import { PageHeader } from "@/components/admin/page-header";
import { SettingsTabs } from "@/components/admin/settings/settings-tabs";
import { control, panel, primaryButton, secondaryButton } from "@/components/ui/styles";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format-date";
import { firstParam, type SearchParams } from "@/lib/reports/period-params";

const FILTERS = ["actor", "action", "entityType", "entityId", "from", "to"] as const;

const shown = (value: unknown) => (value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaffPage(sectionRoles("settings"), "/admin/settings/audit");
  const params = await searchParams;
  const input = Object.fromEntries([...FILTERS, "before"].map((name) => [name, firstParam(params[name])]));
  const [t, tSettings] = await Promise.all([getTranslations("auditLog"), getTranslations("settings")]);
  let view: Awaited<ReturnType<typeof listAuditLog>>;
  let invalid = false;
  try {
    view = await listAuditLog(input, { id: actor.id, role: actor.role });
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    invalid = true;
    view = await listAuditLog({}, { id: actor.id, role: actor.role });
  }
  const filters = new URLSearchParams(Object.entries(view.query).filter((entry): entry is [string, string] => entry[0] !== "before" && typeof entry[1] === "string"));
  const withParams = (extra: Record<string, string>) => {
    const next = new URLSearchParams(filters);
    for (const [name, value] of Object.entries(extra)) next.set(name, value);
    return next.toString();
  };
  return (
    <>
      <PageHeader title={tSettings("title")} />
      <SettingsTabs active="audit" />
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">{t("title")}</h2>
          <a href={`/api/admin/audit/export?${filters.toString()}`} className={secondaryButton} data-testid="audit-export">
            {t("export")}
          </a>
        </div>
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <form method="get" className={`${panel} flex flex-wrap items-end gap-3 p-3`} aria-label={t("filters")}>
          <label className="flex flex-col gap-1 text-sm">
            {t("actor")}
            <select name="actor" defaultValue={view.query.actor ?? ""} className={control}>
              <option value="">{t("anyActor")}</option>
              {view.actors.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t("action")}
            <input name="action" defaultValue={view.query.action ?? ""} placeholder={t("actionHint")} className={control} maxLength={100} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t("entityType")}
            <input name="entityType" defaultValue={view.query.entityType ?? ""} placeholder="Order" className={control} maxLength={64} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t("entityId")}
            <input name="entityId" defaultValue={view.query.entityId ?? ""} className={control} maxLength={64} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t("from")}
            <input type="date" name="from" defaultValue={view.query.from ?? ""} className={control} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t("to")}
            <input type="date" name="to" defaultValue={view.query.to ?? ""} className={control} />
          </label>
          <button type="submit" className={primaryButton}>
            {t("apply")}
          </button>
          <Link href="/admin/settings/audit" className={secondaryButton}>
            {t("reset")}
          </Link>
        </form>
        {invalid ? (
          <p role="alert" className="text-sm text-red-700">
            {t("errors.dateInvalid")}
          </p>
        ) : null}
        {view.entries.length === 0 ? (
          <p className="text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <div className={`${panel} overflow-x-auto`}>
            <table className="table" data-testid="audit-log">
              <thead>
                <tr>
                  <th>{t("when")}</th>
                  <th>{t("actor")}</th>
                  <th>{t("what")}</th>
                  <th>{t("object")}</th>
                  <th>{t("changes")}</th>
                  <th>{t("ip")}</th>
                </tr>
              </thead>
              <tbody>
                {view.entries.map((entry) => (
                  <tr key={entry.id} data-testid="audit-entry" data-action={entry.action} className="align-top">
                    <td className="whitespace-nowrap">{formatDateTime(new Date(entry.createdAt))}</td>
                    <td>
                      <span className="block text-xs text-slate-500">{t(`actorTypes.${entry.actorKind}`)}</span>
                      {entry.actorId ? (
                        <Link href={`/admin/settings/audit?${withParams({ actor: entry.actorId })}`} className="hover:underline">
                          {entry.actorName ?? `${entry.actorId} (${t("unknownActor")})`}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="font-mono text-sm">{entry.action}</td>
                    <td className="text-sm">
                      {entry.entityType ? (
                        <Link
                          href={`/admin/settings/audit?${withParams({ entityType: entry.entityType, ...(entry.entityId ? { entityId: entry.entityId } : {}) })}`}
                          className="hover:underline"
                        >
                          {entry.entityType}
                          {entry.entityId ? <span className="block font-mono text-xs text-slate-500">{entry.entityId}</span> : null}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="max-w-xl text-xs">
                      {entry.changes.length ? (
                        <details open={entry.changes.length <= 3}>
                          <summary className="cursor-pointer">{t("changes")}</summary>
                          <table className="mt-1" data-testid="audit-diff">
                            <thead>
                              <tr>
                                <th className="pr-2 text-left">{t("field")}</th>
                                <th className="pr-2 text-left">{t("before")}</th>
                                <th className="text-left">{t("after")}</th>
                              </tr>
                            </thead>
                            <tbody>
                              {entry.changes.map((change) => (
                                <tr key={change.field}>
                                  <td className="pr-2 font-mono">{change.field}</td>
                                  <td className="pr-2 break-all text-red-800">{shown(change.before)}</td>
                                  <td className="break-all text-emerald-800">{shown(change.after)}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </details>
                      ) : null}
                      {entry.details ? (
                        <details>
                          <summary className="cursor-pointer">{t("other")}</summary>
                          <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap">{JSON.stringify(entry.details, null, 2)}</pre>
                        </details>
                      ) : null}
                    </td>
                    <td className="font-mono text-xs whitespace-nowrap">{entry.ip ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="flex gap-4 text-sm">
          {view.query.before ? (
            <Link href={`/admin/settings/audit?${filters.toString()}`} className="text-brand-700 hover:underline">
              {t("first")}
            </Link>
          ) : null}
          {view.nextBefore ? (
            <Link href={`/admin/settings/audit?${withParams({ before: view.nextBefore })}`} className="text-brand-700 hover:underline" data-testid="audit-next">
              {t("next")} →
            </Link>
          ) : null}
        </div>
      </div>
    </>
  );
}
