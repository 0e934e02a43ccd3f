// /admin/deals — the deals of a pipeline as a kanban (default) or a table (?view=table), with the
// pipeline switcher, filters and search in the URL.
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { withQuery } from "@/components/admin/orders/orders-url";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import { DealBoard } from "@/components/crm/deals/deal-board";
import { DealFiltersForm } from "@/components/crm/deals/deal-filters-form";
import { DealTable, formatTotals } from "@/components/crm/deals/deal-table";
import { getDealFormOptions } from "@/lib/crm/deals/deal-form-options";
import { ZDealFilters } from "@/lib/crm/deals/deal-filters";
import { getDealBoard } from "@/lib/crm/deals/get-deal-board";
import { listDeals, ZListDealsQuery } from "@/lib/crm/deals/list-deals";
import { db } from "@/lib/db";
import { clientMessages } from "@/lib/i18n/client-messages";
import { firstParam, type SearchParams } from "@/lib/reports/period-params";
import { moveDealAction } from "./actions";
import { requireDealsPage } from "./deals-page-guard";

export default async function DealsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireDealsPage("/admin/deals");
  const params = await searchParams;
  const raw = Object.fromEntries(["pipelineId", "open", "stageId", "responsibleId", "tag", "customerId", "q", "page"].map((key) => [key, firstParam(params[key])]));
  // An edited URL with a bad value shows the unfiltered view rather than an error.
  const query = ZListDealsQuery.safeParse(raw).data ?? ZListDealsQuery.parse({ pipelineId: raw.pipelineId?.slice(0, 64) });
  const view = firstParam(params.view) === "table" ? "table" : "board";
  const [t, locale, format, options] = await Promise.all([getTranslations("crmDeals"), getLocale(), getFormatter(), getDealFormOptions(actor)]);
  const pipeline = options.pipelines.find((row) => row.id === query.pipelineId) ?? options.pipelines[0];
  const filters = ZDealFilters.parse({ ...raw, pipelineId: pipeline?.id });
  const customerName = filters.customerId ? (await db.customer.findUnique({ where: { id: filters.customerId }, select: { name: true } }))?.name : null;
  const keep: Record<string, string> = Object.fromEntries(
    Object.entries({ pipelineId: pipeline?.id, responsibleId: filters.responsibleId, tag: filters.tag, customerId: filters.customerId, q: filters.q }).filter(
      (entry): entry is [string, string] => !!entry[1],
    ),
  );

  const header = (
    <PageHeader title={t("title")}>
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <nav aria-label={t("views.label")} className="flex rounded-lg border border-slate-200 bg-white p-1 shadow-sm">
          {(["board", "table"] as const).map((option) => (
            <Link
              key={option}
              href={withQuery("/admin/deals", keep, { view: option === "table" ? "table" : undefined })}
              aria-current={view === option ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${view === option ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {t(`views.${option}`)}
            </Link>
          ))}
        </nav>
        <Link href="/admin/deals/pipelines" className={secondaryButton}>
          {t("pipelinesLink")}
        </Link>
        <Link href={withQuery("/admin/deals/new", { pipelineId: pipeline?.id ?? "", customerId: filters.customerId ?? "" })} className={primaryButton}>
          {t("newDeal")}
        </Link>
      </div>
    </PageHeader>
  );
  if (!pipeline) {
    return (
      <>
        {header}
        <p className="card text-slate-600">{t("board.noPipeline")}</p>
      </>
    );
  }

  const switcher = options.pipelines.length > 1 && (
    <nav aria-label={t("pipeline")} className="mb-3 flex flex-wrap gap-1.5 print:hidden" data-testid="pipeline-switcher">
      {options.pipelines.map((row) => (
        <Link
          key={row.id}
          href={withQuery("/admin/deals", { ...(view === "table" ? { view: "table" } : {}) }, { pipelineId: row.id })}
          aria-current={row.id === pipeline.id ? "page" : undefined}
          className={`rounded-full border px-3 py-1 text-sm font-medium ${row.id === pipeline.id ? "border-slate-900 bg-slate-900 text-white" : "border-slate-200 bg-white text-slate-700 hover:bg-slate-50"}`}
        >
          {row.name}
        </Link>
      ))}
    </nav>
  );
  const filterForm = (
    <DealFiltersForm
      view={view}
      pipelineId={pipeline.id}
      filters={filters}
      stages={pipeline.stages}
      employees={options.employees}
      customerName={customerName}
      labels={{
        label: t("filters.label"),
        open: t("filters.open"),
        stage: t("filters.stage"),
        anyStage: t("filters.anyStage"),
        responsible: t("filters.responsible"),
        anyone: t("filters.anyone"),
        tag: t("filters.tag"),
        search: t("filters.search"),
        searchPlaceholder: t("filters.searchPlaceholder"),
        apply: t("filters.apply"),
        reset: t("filters.reset"),
        customer: t("filters.customer"),
      }}
    />
  );

  if (view === "table") {
    const list = await listDeals({ ...query, pipelineId: pipeline.id }, actor);
    const pageLink = (page: number) =>
      withQuery(
        "/admin/deals",
        { ...keep, view: "table", ...(filters.open ? { open: "1" } : {}), ...(filters.stageId ? { stageId: filters.stageId } : {}) },
        { page: page > 1 ? String(page) : undefined },
      );
    return (
      <>
        {header}
        {switcher}
        {filterForm}
        <DealTable
          list={list}
          locale={locale}
          formatDate={(iso) => format.dateTime(new Date(iso), { dateStyle: "medium", timeZone: "Europe/Moscow" })}
          labels={{
            label: t("table.label"),
            title: t("table.title"),
            contact: t("table.contact"),
            customer: t("table.customer"),
            stage: t("table.stage"),
            budget: t("table.budget"),
            responsible: t("table.responsible"),
            closeDate: t("table.closeDate"),
            probability: t("table.probability"),
            empty: t("table.empty"),
            shown: t("table.shown", { shown: list.shown, total: list.total }),
            total: t("table.total", { sums: formatTotals(list.totals, locale) }),
          }}
        />
        <div className="mt-4 flex gap-3 print:hidden">
          {list.page > 1 ? (
            <Link className={secondaryButton} href={pageLink(list.page - 1)}>
              {t("table.previous")}
            </Link>
          ) : null}
          {list.shown < list.total ? (
            <Link className={secondaryButton} href={pageLink(list.page + 1)}>
              {t("table.next")}
            </Link>
          ) : null}
        </div>
      </>
    );
  }

  const board = await getDealBoard(filters, actor);
  const moreHrefs = Object.fromEntries(board.columns.map((column) => [column.id, withQuery("/admin/deals", { ...keep, view: "table", stageId: column.id })]));
  return (
    <>
      {header}
      {switcher}
      {filterForm}
      <NextIntlClientProvider messages={await clientMessages(["crmDeals"])}>
        {/* A new filter or pipeline starts the board afresh from the server's columns. */}
        <DealBoard key={JSON.stringify(keep)} columns={board.columns} moreHrefs={moreHrefs} move={moveDealAction} />
      </NextIntlClientProvider>
    </>
  );
}
