// /admin/customers/segments: customers and bought-out revenue per RFM segment and ABC class (each
// a link to the customer list filtered by it), products by ABC class, the last run and "recompute
// now", and the settings (ABC cut-offs, RFM map). Readable with viewCustomers; the settings and
// the recompute need configureCrm (checked again by the actions and domain operations).
import type { ReactNode } from "react";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { panel } from "@/components/ui/styles";
import { RecomputeButton } from "@/components/crm/segments/recompute-button";
import { segmentLabel } from "@/components/crm/segments/segment-label";
import { SegmentSettingsForm } from "@/components/crm/segments/segment-settings-form";
import { SegmentsChart } from "@/components/crm/segments/segments-chart";
import { canCrm } from "@/lib/crm/crm-access";
import { getSegmentOverview } from "@/lib/crm/segments/get-segment-overview";
import { clientMessages } from "@/lib/i18n/client-messages";
import { formatMoney } from "@/lib/money/format";
import { SHOP_TIME_ZONE } from "@/lib/reports/resolve-period";
import { recomputeSegmentsAction, saveSegmentSettingsAction } from "./actions";
import { requireCrmPage } from "../../crm-page-guard";

const th = "px-4 py-2 text-left text-xs font-medium tracking-wide text-slate-500 uppercase";
const td = "px-4 py-2";
const link = "text-brand-700 hover:underline";

export default async function SegmentsPage() {
  const actor = await requireCrmPage("customers", "/admin/customers/segments", "viewCustomers");
  const canConfigure = canCrm(actor.role, "configureCrm");
  const [t, format, locale, overview] = await Promise.all([getTranslations("crmSegments"), getFormatter(), getLocale(), getSegmentOverview({ id: actor.id, role: actor.role })]);
  const money = (amount: bigint) => formatMoney(amount, overview.revenueCurrency, locale);
  const time = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: SHOP_TIME_ZONE });
  const scoredTotal = overview.segments.reduce((sum, segment) => sum + segment.customers, 0) + overview.unmapped.customers;
  const share = (customers: number) => (scoredTotal ? format.number(customers / scoredTotal, { style: "percent", maximumFractionDigits: 1 }) : "—");
  const customersHref = (param: "rfmSegment" | "abcClass", value: string) => `/admin/customers?${new URLSearchParams({ [param]: value })}`;
  const { run } = overview;

  return (
    <>
      <PageHeader title={t("title")}>
        <Link href="/admin/customers" className={`${link} text-sm`}>
          {t("backToCustomers")}
        </Link>
      </PageHeader>
      <p className="-mt-3 mb-5 text-sm text-slate-500">{t("subtitle")}</p>

      <div className="grid gap-6">
        <section className={`${panel} flex flex-wrap items-start justify-between gap-4 p-5`} aria-labelledby="segments-run" data-testid="segments-run">
          <div className="grid gap-1">
            <h2 id="segments-run" className="text-base font-semibold">
              {t("run.title")}
            </h2>
            <p className="text-sm text-slate-600" data-testid="segments-last-run">
              {run.status === "failed" && run.finishedAt
                ? t("run.failed", { time: time(run.finishedAt) })
                : run.finishedAt
                  ? `${t("run.lastRun", { time: time(run.finishedAt) })} · ${t("run.lastRunStats", { scored: run.scored ?? 0, changed: run.changed ?? 0, seconds: format.number((run.ms ?? 0) / 1000, { maximumFractionDigits: 1 }) })}`
                  : t("run.never")}
            </p>
            {run.active ? <p className="text-sm text-amber-700">{t("run.active")}</p> : null}
            <p className="text-xs text-slate-500">{t("run.hint")}</p>
          </div>
          {canConfigure ? <RecomputeButton action={recomputeSegmentsAction} active={run.active} labels={{ now: t("run.now"), active: t("run.active") }} /> : null}
        </section>

        <SegmentsPanel id="segments-rfm" title={t("rfm.title")} hint={t("rfm.hint")}>
          <div className="px-5">
            <SegmentsChart
              label={t("rfm.chartLabel")}
              seriesLabel={t("rfm.customers")}
              data={overview.segments.map((segment) => ({ label: segmentLabel(t, segment.name), customers: segment.customers }))}
            />
          </div>
          <table className="min-w-full text-sm">
            <ColumnHeads first={t("rfm.segment")} numeric={[t("rfm.customers"), t("rfm.share"), t("rfm.revenue")]} links />
            <tbody className="divide-y divide-slate-100">
              {overview.segments.map((segment) => (
                <tr key={segment.name} data-segment={segment.name}>
                  <th scope="row" className={`${td} text-left font-medium`}>
                    {segmentLabel(t, segment.name)}
                  </th>
                  <td className={`${td} text-right tabular-nums`} data-testid="segment-customers">
                    {format.number(segment.customers)}
                  </td>
                  <td className={`${td} text-right tabular-nums`}>{share(segment.customers)}</td>
                  <td className={`${td} text-right tabular-nums`}>{money(segment.revenue)}</td>
                  <td className={`${td} text-right print:hidden`}>
                    {segment.customers ? (
                      <Link className={link} href={customersHref("rfmSegment", segment.name)}>
                        {t("rfm.show")}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
              {overview.unmapped.customers ? (
                <tr>
                  <th scope="row" className={`${td} text-left font-medium text-amber-800`}>
                    {t("rfm.unmapped")}
                  </th>
                  <td className={`${td} text-right tabular-nums`}>{format.number(overview.unmapped.customers)}</td>
                  <td className={`${td} text-right tabular-nums`}>{share(overview.unmapped.customers)}</td>
                  <td className={`${td} text-right tabular-nums`}>{money(overview.unmapped.revenue)}</td>
                  <td className="print:hidden" />
                </tr>
              ) : null}
            </tbody>
          </table>
          <p className="px-5 py-3 text-xs text-slate-500">{t("rfm.unsegmented", { count: overview.unsegmented })}</p>
        </SegmentsPanel>

        <SegmentsPanel id="segments-abc" title={t("abc.title")} hint={t("abc.hint", { a: overview.settings.abc.a, b: overview.settings.abc.b })}>
          <table className="min-w-full text-sm">
            <ColumnHeads first={t("abc.class")} numeric={[t("rfm.customers"), t("rfm.revenue")]} links />
            <tbody className="divide-y divide-slate-100">
              {overview.abc.map((row) => (
                <tr key={row.abcClass} data-abc-class={row.abcClass}>
                  <th scope="row" className={`${td} text-left font-medium`}>
                    {row.abcClass === "A" ? t("abc.gold") : t(`abc.${row.abcClass}`)}
                  </th>
                  <td className={`${td} text-right tabular-nums`} data-testid="abc-customers">
                    {format.number(row.customers)}
                  </td>
                  <td className={`${td} text-right tabular-nums`}>{money(row.revenue)}</td>
                  <td className={`${td} text-right print:hidden`}>
                    <Link className={link} href={customersHref("abcClass", row.abcClass)} data-testid={`abc-link-${row.abcClass}`}>
                      {t("rfm.show")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </SegmentsPanel>

        <SegmentsPanel id="segments-products" title={t("products.title")} hint={t("products.hint", { currency: overview.revenueCurrency })}>
          {overview.products.length ? (
            <table className="min-w-full text-sm">
              <ColumnHeads first={t("products.product")} numeric={[t("products.revenue"), t("products.class")]} />
              <tbody className="divide-y divide-slate-100">
                {overview.products.map((product) => (
                  <tr key={product.productId}>
                    <th scope="row" className={`${td} text-left font-medium`}>
                      <Link className={link} href={`/admin/products/${product.productId}`}>
                        {product.name}
                      </Link>
                    </th>
                    <td className={`${td} text-right tabular-nums`}>{money(product.revenue)}</td>
                    <td className={`${td} text-right font-semibold`}>{product.abcClass}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="px-5 pb-4 text-sm text-slate-500">{t("products.empty")}</p>
          )}
        </SegmentsPanel>

        <section aria-labelledby="segments-settings" className="grid gap-3">
          <h2 id="segments-settings" className="text-base font-semibold">
            {t("settings.title")}
          </h2>
          {canConfigure ? (
            <NextIntlClientProvider messages={await clientMessages(["crmSegments"])}>
              <SegmentSettingsForm action={saveSegmentSettingsAction} settings={overview.settings} />
            </NextIntlClientProvider>
          ) : (
            <div className={`${panel} grid gap-2 p-5 text-sm`}>
              <p className="text-slate-500">{t("settings.readOnly")}</p>
              <p>{t("abc.hint", { a: overview.settings.abc.a, b: overview.settings.abc.b })}</p>
              <ol className="list-decimal pl-5">
                {overview.settings.rfm.map((rule) => (
                  <li key={rule.name}>
                    {segmentLabel(t, rule.name)}: R {rule.r.join("–")}, F {rule.f.join("–")}, M {rule.m.join("–")}
                  </li>
                ))}
              </ol>
            </div>
          )}
        </section>
      </div>
    </>
  );
}

/** A titled panel of the page with its hint line (the id names the heading and the test hook). */
function SegmentsPanel({ id, title, hint, children }: { id: string; title: string; hint: string; children: ReactNode }) {
  return (
    <section className={`${panel} overflow-hidden`} aria-labelledby={id} data-testid={id}>
      <div className="px-5 pt-4 pb-3">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-xs text-slate-500">{hint}</p>
      </div>
      {children}
    </section>
  );
}

/** The head row: the row label's column, the right-aligned figures, and (`links`) an empty column for the "show" links, left off paper. */
function ColumnHeads({ first, numeric, links = false }: { first: string; numeric: string[]; links?: boolean }) {
  return (
    <thead className="border-y border-slate-100 bg-slate-50">
      <tr>
        <th scope="col" className={th}>
          {first}
        </th>
        {numeric.map((label) => (
          <th key={label} scope="col" className={`${th} text-right`}>
            {label}
          </th>
        ))}
        {links ? <th scope="col" className={`${th} print:hidden`} /> : null}
      </tr>
    </thead>
  );
}
