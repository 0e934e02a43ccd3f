import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CustomPeriodForm, InvalidPeriodNotice } from "@/components/admin/custom-period-form";
import { panel } from "@/components/ui/styles";
import { PageHeader } from "@/components/admin/page-header";
import { DeleteOverrideButton } from "@/components/admin/partners/detail/delete-override-button";
import { OverrideForm } from "@/components/admin/partners/detail/override-form";
import { PartnerTreeList } from "@/components/admin/partners/detail/partner-tree-list";
import { PartnerStatusBadge } from "@/components/admin/partners/partner-status-badge";
import { PostbackLogTable } from "@/components/postbacks/postback-log-table";
import { getPartnerStats } from "@/lib/affiliates/cabinet/get-partner-stats";
import { getPartnerTree } from "@/lib/affiliates/get-partner-tree";
import { listOverrides, type OverrideRow } from "@/lib/affiliates/overrides/list-overrides";
import { listPostbackLogs, ZListPostbackLogsQuery } from "@/lib/affiliates/postbacks/list-postback-logs";
import { getProgramSettings } from "@/lib/affiliates/program-settings";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { formatMoney, minorUnitsToDecimalString } from "@/lib/money/format";
import { formatRate } from "@/lib/reports/compute-rates";
import { firstParam, periodInput, withPeriodFallback, type SearchParams } from "@/lib/reports/period-params";
import { PERIOD_PRESETS, type TPeriodInput } from "@/lib/reports/resolve-period";
import { deleteOverrideAction, replayPostbackAction, setOverrideAction } from "./actions";

// A partner's page opens on the last 30 days: "today" is mostly empty for a single partner.
const DEFAULT_PERIOD: TPeriodInput = { period: "30d" };

export default async function PartnerDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  await requireStaffPage(sectionRoles("partners"), `/admin/partners/${encodeURIComponent(id)}`);
  if (id.length > 64) notFound();

  const partner = await db.partner.findUnique({
    where: { id },
    select: {
      id: true,
      login: true,
      name: true,
      email: true,
      contact: true,
      status: true,
      locale: true,
      emailVerifiedAt: true,
      lastSignInAt: true,
      createdAt: true,
      payoutMethod: true,
      payoutDetails: true,
      postbackUrl: true,
      parent: { select: { id: true, login: true, name: true } },
    },
  });
  if (!partner) notFound();

  const query = await searchParams;
  const postbackQuery = ZListPostbackLogsQuery.parse({ after: firstParam(query.pbAfter) });
  const [t, tPeriod, tPostbacks, format, locale, { result: stats, invalidFields }, tree, overrides, program, products, postbacks] = await Promise.all([
    getTranslations("partnerDetail"),
    getTranslations("dashboard"),
    getTranslations("postbacks"),
    getFormatter(),
    getLocale(),
    withPeriodFallback((period) => getPartnerStats(partner.id, period), periodInput(query), DEFAULT_PERIOD),
    getPartnerTree(partner.id),
    listOverrides(partner.id),
    getProgramSettings(),
    db.product.findMany({ select: { id: true, name: true, currency: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 500 }),
    listPostbackLogs(partner.id, postbackQuery),
  ]);

  const dateTime = (value: Date | string | null) => (value ? format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short", timeZone: stats.period.timeZone }) : t("never"));
  const levelLabel = (level: number) => (level === 0 ? t("overrides.levelOwn") : t("overrides.levelLine", { line: level, number: level + 1 }));
  const percentText = (basisPoints: number) =>
    // An exact decimal string: 1255 bp reads "12.55 %", never a float's 12.549999.
    new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(minorUnitsToDecimalString(basisPoints, 4));
  const rateText = (row: OverrideRow) =>
    row.kind === "PERCENT"
      ? percentText(row.value)
      : row.productCurrency
        ? formatMoney(row.value, row.productCurrency, locale)
        : t("overrides.fixedInOrderCurrency", { amount: minorUnitsToDecimalString(row.value, 2) });
  const { clicks, orders, rates } = stats;
  const base = `/admin/partners/${partner.id}`;

  const card: { key: string; value: React.ReactNode }[] = [
    { key: "email", value: partner.email },
    { key: "contact", value: partner.contact || "—" },
    { key: "status", value: <PartnerStatusBadge status={partner.status} /> },
    {
      key: "parent",
      value: partner.parent ? (
        <Link href={`/admin/partners/${partner.parent.id}`} className="text-brand-700 hover:underline" data-testid="partner-parent">
          {partner.parent.login} · {partner.parent.name}
        </Link>
      ) : (
        t("noParent")
      ),
    },
    { key: "registered", value: dateTime(partner.createdAt) },
    { key: "emailVerified", value: partner.emailVerifiedAt ? dateTime(partner.emailVerifiedAt) : t("notVerified") },
    { key: "lastSignIn", value: dateTime(partner.lastSignInAt) },
    { key: "locale", value: partner.locale },
    { key: "payoutMethod", value: partner.payoutMethod || "—" },
    { key: "payoutDetails", value: partner.payoutDetails ? <span className="break-all whitespace-pre-wrap">{partner.payoutDetails}</span> : "—" },
    { key: "postbackUrl", value: partner.postbackUrl ? <span className="font-mono text-xs break-all">{partner.postbackUrl}</span> : "—" },
  ];

  return (
    <>
      <PageHeader title={t("title", { login: partner.login })}>
        <Link href="/admin/partners" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </PageHeader>

      <div className="grid gap-6 xl:grid-cols-3">
        <section className={`${panel} p-5`} aria-labelledby="card-title" data-testid="partner-card">
          <h2 id="card-title" className="text-base font-semibold">
            {partner.name}
          </h2>
          <p className="font-mono text-sm text-slate-500">{partner.login}</p>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {card.map((row) => (
              <div key={row.key} className="contents">
                <dt className="text-slate-500">{t(`card.${row.key}`)}</dt>
                <dd className="text-slate-900" data-testid={`card-${row.key}`}>
                  {row.value}
                </dd>
              </div>
            ))}
          </dl>
        </section>

        <section className={`${panel} p-5 xl:col-span-2`} aria-labelledby="stats-title" data-testid="partner-stats">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="stats-title" className="text-base font-semibold">
              {t("stats.title")}
            </h2>
            <nav aria-label={tPeriod("period")} className="flex flex-wrap gap-1">
              {PERIOD_PRESETS.map((preset) => (
                <Link
                  key={preset}
                  href={`${base}?period=${preset}`}
                  aria-current={stats.period.kind === preset ? "page" : undefined}
                  className={`rounded-md px-2.5 py-1 text-sm font-medium ${stats.period.kind === preset ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
                >
                  {tPeriod(`periods.${preset}`)}
                </Link>
              ))}
            </nav>
          </div>
          <div className="mt-3">
            <CustomPeriodForm action={base} period={stats.period} labels={{ from: tPeriod("from"), to: tPeriod("to"), show: tPeriod("show"), form: tPeriod("periods.custom") }} />
          </div>
          <div className="mt-3">
            <InvalidPeriodNotice
              message={
                invalidFields.length
                  ? t("invalidPeriod", { fields: invalidFields.map((field) => (field === "from" || field === "to" ? tPeriod(field) : tPeriod("period"))).join(", ") })
                  : null
              }
            />
          </div>
          <dl className="mt-2 grid gap-4 sm:grid-cols-4">
            <Stat label={t("stats.clicks")} value={String(clicks.raw)} hint={t("stats.unique", { count: clicks.unique })} testId="stat-clicks" />
            <Stat label={t("stats.orders")} value={String(orders.total)} hint={t("stats.confirmed", { count: orders.confirmed })} testId="stat-orders" />
            <Stat
              label={t("stats.approveRate")}
              value={formatRate(rates.approveRate, locale)}
              hint={t("stats.validApprove", { rate: formatRate(rates.validApproveRate, locale) })}
              testId="stat-approve"
            />
            <Stat
              label={t("stats.buyoutRate")}
              value={formatRate(rates.buyoutRate, locale)}
              hint={t("stats.buyoutHint", { paid: stats.buyout.paid, shipped: stats.buyout.shipped })}
              testId="stat-buyout"
            />
          </dl>
          <h3 className="mt-5 text-sm font-semibold text-slate-700">{t("stats.commissions")}</h3>
          {stats.earnings.length ? (
            <table className="mt-2 min-w-full text-sm" data-testid="partner-commissions">
              <thead className="text-left text-xs text-slate-500 uppercase">
                <tr>
                  <th className="py-1 pr-3">{t("stats.currency")}</th>
                  {(["pending", "onHold", "available", "paid"] as const).map((status) => (
                    <th key={status} className="px-3 py-1 text-right">
                      {t(`stats.status.${status}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {stats.earnings.map((row) => (
                  <tr key={row.currency}>
                    <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                      {row.currency}
                    </th>
                    {(["pending", "onHold", "available", "paid"] as const).map((status) => (
                      <td key={status} className="px-3 py-1.5 text-right tabular-nums" data-status={status} data-amount-minor={row[status]}>
                        {formatMoney(row[status], row.currency, locale)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-2 text-sm text-slate-500">{t("stats.noCommissions")}</p>
          )}
          <p className="mt-2 text-xs text-slate-500">{t("stats.commissionsHint")}</p>
        </section>
      </div>

      <section className={`${panel} mt-6 p-5`} aria-labelledby="overrides-title" data-testid="partner-overrides">
        <h2 id="overrides-title" className="text-base font-semibold">
          {t("overrides.title")}
        </h2>
        {overrides.length ? (
          <table className="mt-3 min-w-full text-sm">
            <thead className="text-left text-xs text-slate-500 uppercase">
              <tr>
                <th className="py-1 pr-3">{t("overrides.product")}</th>
                <th className="px-3 py-1">{t("overrides.level")}</th>
                <th className="px-3 py-1 text-right">{t("overrides.rate")}</th>
                <th className="py-1 pl-3" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {overrides.map((row) => (
                <tr key={row.id} data-testid="override-row" data-kind={row.kind} data-value={row.value} data-level={row.level}>
                  <td className="py-2 pr-3">{row.productName ?? <span className="font-medium">{t("overrides.allProducts")}</span>}</td>
                  <td className="px-3 py-2">{levelLabel(row.level)}</td>
                  <td className="px-3 py-2 text-right font-medium tabular-nums">{rateText(row)}</td>
                  <td className="py-2 pl-3 text-right">
                    <DeleteOverrideButton action={deleteOverrideAction} partnerId={partner.id} overrideId={row.id} label={t("overrides.delete")} confirmText={t("overrides.deleteConfirm")} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2 text-sm text-slate-500">{t("overrides.none")}</p>
        )}
        <div className="mt-5 border-t border-slate-100 pt-4">
          <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("overrides.add")}</h3>
          <OverrideForm
            action={setOverrideAction}
            partnerId={partner.id}
            products={products.map((product) => ({ ...product, currency: product.currency.trim() }))}
            levels={Array.from({ length: program.levels }, (_, level) => ({ value: level, label: levelLabel(level) }))}
            labels={{
              title: t("overrides.add"),
              hint: t("overrides.hint"),
              product: t("overrides.product"),
              allProducts: t("overrides.allProducts"),
              level: t("overrides.level"),
              kind: t("overrides.kind"),
              fixed: t("overrides.fixed"),
              percent: t("overrides.percent"),
              value: t("overrides.value"),
              valueHint: t("overrides.valueHint"),
              save: t("overrides.save"),
            }}
          />
        </div>
      </section>

      <section className={`${panel} mt-6 p-5`} aria-labelledby="postbacks-title" data-testid="partner-postbacks" id="postbacks">
        <h2 id="postbacks-title" className="text-base font-semibold">
          {tPostbacks("adminTitle")}
        </h2>
        <p className="mb-3 text-xs text-slate-500">{tPostbacks("logIntro")}</p>
        <PostbackLogTable
          rows={postbacks.rows.map((row) => ({
            ...row,
            createdAtText: format.dateTime(new Date(row.createdAt), { dateStyle: "medium", timeStyle: "medium", timeZone: stats.period.timeZone }),
          }))}
          replayAction={replayPostbackAction}
          partnerId={partner.id}
        />
        <div className="mt-3 flex gap-3 text-sm">
          {postbackQuery.after ? (
            <Link className="font-medium text-brand-700 hover:underline" href={`${base}#postbacks`}>
              {tPostbacks("firstPage")}
            </Link>
          ) : null}
          {postbacks.nextAfter ? (
            <Link className="font-medium text-brand-700 hover:underline" href={`${base}?pbAfter=${postbacks.nextAfter}#postbacks`} data-testid="postback-log-next">
              {tPostbacks("nextPage")} →
            </Link>
          ) : null}
        </div>
      </section>

      <section className={`${panel} mt-6 p-5`} aria-labelledby="tree-title" data-testid="partner-tree">
        <h2 id="tree-title" className="text-base font-semibold">
          {t("tree.title")}
        </h2>
        <p className="mb-3 text-xs text-slate-500">{t("tree.hint", { total: tree.total })}</p>
        {tree.nodes.length ? (
          <PartnerTreeList
            nodes={tree.nodes}
            formatDate={(iso) => format.dateTime(new Date(iso), { dateStyle: "medium", timeZone: stats.period.timeZone })}
            moreLabel={(count) => t("tree.more", { count })}
          />
        ) : (
          <p className="text-sm text-slate-500">{t("tree.empty")}</p>
        )}
        {tree.truncated ? <p className="mt-3 text-xs text-amber-700">{t("tree.truncated")}</p> : null}
      </section>
    </>
  );
}

function Stat({ label, value, hint, testId }: { label: string; value: string; hint: string; testId: string }) {
  return (
    <div data-testid={testId} data-value={value}>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-2xl font-semibold tracking-tight tabular-nums">{value}</dd>
      <dd className="text-xs text-slate-500">{hint}</dd>
    </div>
  );
}
