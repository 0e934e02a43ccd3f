// /admin/deals/[id] — the deal's card: budget, customer and contact, close date, probability, the
// stage path and its history, linked orders, interactions and tasks, and the edit form.
import { readableColor } from "color2k";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { OrderStatusBadge } from "@/components/admin/orders/order-status-badge";
import { panel } from "@/components/ui/styles";
import { DealCrmPanel } from "@/components/crm/interactions/crm-activity-panels";
import { DealForm } from "@/components/crm/deals/deal-form";
import { getDealFormOptions, searchDealCustomers } from "@/lib/crm/deals/deal-form-options";
import { getDealOrThrow } from "@/lib/crm/deals/get-deal";
import { AppError } from "@/lib/errors";
import { clientMessages } from "@/lib/i18n/client-messages";
import { currencyMinorDigits, formatMoney, minorUnitsToDecimalString } from "@/lib/money/format";
import { zonedDay } from "@/lib/reports/resolve-period";
import { searchDealCustomersAction, updateDealAction } from "../actions";
import { requireDealsPage } from "../deals-page-guard";

export default async function DealPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireDealsPage(`/admin/deals/${encodeURIComponent(id)}`);
  const deal = await getDealOrThrow(id, actor).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, tStatus, locale, format, options] = await Promise.all([getTranslations("crmDeals"), getTranslations("orderStatus"), getLocale(), getFormatter(), getDealFormOptions(actor)]);
  const [customerOption] = deal.customer ? await searchDealCustomers({ id: deal.customer.id }, actor) : [];
  const date = (iso: string | null, withTime = false) =>
    iso
      ? format.dateTime(new Date(iso), withTime ? { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Moscow" } : { dateStyle: "medium", timeZone: "Europe/Moscow" })
      : t("card.none");
  const currentIndex = deal.stages.findIndex((stage) => stage.id === deal.stage.id);
  const facts: [string, React.ReactNode][] = [
    [
      t("card.budget"),
      <span key="b" className="font-semibold tabular-nums" data-testid="deal-budget">
        {formatMoney(BigInt(deal.budget), deal.currency, locale)}
      </span>,
    ],
    [t("card.pipeline"), deal.pipeline.name],
    [t("card.stage"), deal.stage.name],
    [t("card.inStageSince"), date(deal.stageChangedAt, true)],
    [t("card.responsible"), deal.responsible?.name ?? t("card.none")],
    [t("card.closeDate"), date(deal.expectedCloseAt)],
    [t("card.probability"), deal.probability !== null ? `${deal.probability} %` : t("card.none")],
    [t("card.createdAt"), date(deal.createdAt, true)],
    ...(deal.closedAt ? ([[t("card.closedAt"), date(deal.closedAt, true)]] as [string, React.ReactNode][]) : []),
    ...(deal.lostReason ? ([[t("card.lostReason"), deal.lostReason]] as [string, React.ReactNode][]) : []),
    ...(deal.tags.length ? ([[t("card.tags"), deal.tags.join(", ")]] as [string, React.ReactNode][]) : []),
  ];

  return (
    <>
      <PageHeader title={deal.title}>
        <Link href={`/admin/deals?pipelineId=${deal.pipeline.id}`} className="text-sm text-slate-600 hover:underline print:hidden">
          {t("card.back")}
        </Link>
      </PageHeader>

      <ol aria-label={t("card.path")} className="mb-6 flex flex-wrap gap-1" data-testid="deal-stage-path">
        {deal.stages.map((stage, index) => {
          const current = stage.id === deal.stage.id;
          const passed = deal.stage.kind === "OPEN" ? index < currentIndex : deal.stage.kind === "WON" && stage.kind === "OPEN";
          return (
            <li
              key={stage.id}
              aria-current={current ? "step" : undefined}
              className={`rounded-md px-3 py-1 text-xs font-medium ${current ? "" : passed ? "bg-slate-200 text-slate-700" : "bg-slate-50 text-slate-500"}`}
              // The stage's colour is the shop's choice (a light one too): the text takes black or
              // white, whichever reads on it.
              style={current ? { background: stage.color ?? "#334155", color: readableColor(stage.color ?? "#334155") } : undefined}
            >
              {stage.name}
            </li>
          );
        })}
      </ol>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <section className={`${panel} p-4`}>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs text-slate-500">{label}</dt>
                  <dd className="text-sm">{value}</dd>
                </div>
              ))}
            </dl>
            {deal.notes ? <p className="mt-4 text-sm whitespace-pre-line text-slate-700">{deal.notes}</p> : null}
          </section>

          <section className={`${panel} p-4`}>
            <h2 className="mb-3 text-base font-semibold">{t("card.history")}</h2>
            {deal.history.length ? (
              <ol className="flex flex-col gap-2 text-sm" data-testid="deal-history">
                {deal.history.map((change) => (
                  <li key={change.id} className="flex flex-wrap gap-x-2">
                    <time className="text-slate-500 tabular-nums" dateTime={change.at}>
                      {date(change.at, true)}
                    </time>
                    <span className="font-medium">
                      {change.fromStage ? t("card.moved", { from: change.fromStage, to: change.toStage ?? "—" }) : t("card.created", { to: change.toStage ?? "—" })}
                    </span>
                    <span className="text-slate-500">{t("card.by", { name: change.userName ?? t("card.system") })}</span>
                    {change.note ? <span className="text-slate-700">«{change.note}»</span> : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-slate-500">{t("card.historyEmpty")}</p>
            )}
          </section>

          <section aria-label={t("card.activity")}>
            <DealCrmPanel dealId={deal.id} />
          </section>

          <details className={`${panel} p-4 print:hidden`}>
            <summary className="cursor-pointer text-base font-semibold">{t("form.editTitle")}</summary>
            <div className="mt-4">
              <NextIntlClientProvider messages={await clientMessages(["crmDeals"])}>
                <DealForm
                  mode="edit"
                  dealId={deal.id}
                  options={options}
                  action={updateDealAction}
                  searchCustomers={searchDealCustomersAction}
                  values={{
                    title: deal.title,
                    pipelineId: deal.pipeline.id,
                    stageId: deal.stage.id,
                    customer: customerOption ?? null,
                    contactPersonId: deal.ids.contactPersonId ?? "",
                    responsibleId: deal.ids.responsibleId ?? "",
                    orderNumber: deal.orders.find((order) => order.linked)?.number.toString() ?? "",
                    budget: minorUnitsToDecimalString(BigInt(deal.budget), currencyMinorDigits(deal.currency)),
                    currency: deal.currency,
                    expectedCloseAt: deal.expectedCloseAt ? zonedDay(new Date(deal.expectedCloseAt)) : "",
                    probability: deal.probability?.toString() ?? "",
                    tags: deal.tags.join(", "),
                    notes: deal.notes ?? "",
                  }}
                />
              </NextIntlClientProvider>
            </div>
          </details>
        </div>

        <aside className="flex flex-col gap-6">
          <section className={`${panel} p-4`} data-testid="deal-customer-card">
            <h2 className="mb-2 text-base font-semibold">{t("card.customer")}</h2>
            {deal.customer ? (
              <div className="text-sm">
                <Link href={`/admin/customers/${deal.customer.id}`} className="font-medium text-brand-700 hover:underline">
                  {deal.customer.name ?? "—"}
                </Link>
                <p className="text-xs text-slate-500">{deal.customer.type === "COMPANY" ? t("form.company") : t("form.person")}</p>
                {deal.customer.phone ? <p>{deal.customer.phone}</p> : null}
                {deal.customer.email ? <p>{deal.customer.email}</p> : null}
              </div>
            ) : (
              <p className="text-sm text-slate-500">{t("form.customerNone")}</p>
            )}
            {deal.contactPerson ? (
              <div className="mt-4 text-sm">
                <h3 className="text-xs text-slate-500">{t("card.contact")}</h3>
                <p className="font-medium">{deal.contactPerson.name}</p>
                {deal.contactPerson.position ? <p className="text-slate-600">{deal.contactPerson.position}</p> : null}
                {deal.contactPerson.phone ? <p>{deal.contactPerson.phone}</p> : null}
                {deal.contactPerson.email ? <p>{deal.contactPerson.email}</p> : null}
              </div>
            ) : null}
          </section>

          <section className={`${panel} p-4`}>
            <h2 className="mb-2 text-base font-semibold">{t("card.orders")}</h2>
            {deal.orders.length ? (
              <ul className="flex flex-col gap-2 text-sm">
                {deal.orders.map((order) => (
                  <li key={order.id} className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                      {t("card.orderNumber", { number: order.number })}
                    </Link>
                    <OrderStatusBadge status={order.status} label={tStatus(order.status)} />
                    <span className="tabular-nums">{formatMoney(order.total, order.currency, locale)}</span>
                    {order.linked ? <span className="text-xs text-slate-500">{t("card.linkedOrder")}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-500">{t("card.ordersEmpty")}</p>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
