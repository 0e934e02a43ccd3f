import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LogisticsNav } from "@/components/admin/logistics/logistics-nav";
import { QueueBulkForm, SelectAllOrders } from "@/components/admin/logistics/queue-bulk-form";
import { OrderStatusBadge } from "@/components/admin/orders/order-status-badge";
import { withQuery, type OrderQuery } from "@/components/admin/orders/orders-url";
import { PageHeader } from "@/components/admin/page-header";
import { control, panel, primaryButton, secondaryButton } from "@/components/ui/styles";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { Region } from "@/lib/db/generated/enums";
import { LOGISTICS_QUEUE_NAMES, LOGISTICS_QUEUES, listLogisticsQueue, ZLogisticsQueueInput } from "@/lib/logistics/queue/list-logistics-queue";
import { formatMoney } from "@/lib/money/format";
import { listOrderFilterOptions, orderQueryFromSearchParams, PAYMENT_METHODS } from "@/lib/orders/list-orders";
import { allowedTargets } from "@/lib/orders/transitions";
import { zonedDay } from "@/lib/reports/resolve-period";
import { bulkMoveAction, createBatchAction } from "./actions";

export default async function LogisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaffPage(sectionRoles("logistics"), "/admin/logistics");
  const [t, tStatus, tOrders, format, locale] = await Promise.all([getTranslations("logistics"), getTranslations("orderStatus"), getTranslations("orders"), getFormatter(), getLocale()]);
  const { input, query, invalidFields } = parseQuery(orderQueryFromSearchParams(await searchParams));
  const [page, options] = await Promise.all([listLogisticsQueue(input, { id: actor.id, role: actor.role }), listOrderFilterOptions()]);
  const status = LOGISTICS_QUEUES[page.queue];
  const targets = allowedTargets(status, actor.role).map((value) => ({ value, label: tStatus(value) }));
  const orderNumbers = Object.fromEntries(page.items.map((order) => [order.id, order.number]));
  const { cursor: _cursor, queue: _queue, ...filterQuery } = query;
  const filters = input;
  const count = (value: number) => (page.countLimit !== null && value > page.countLimit ? t("countOver", { count: page.countLimit }) : value);

  return (
    <>
      <PageHeader title={t("title")} />
      <LogisticsNav active="queues" isOwner={actor.role === "OWNER"} />
      {invalidFields.length ? (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("filters.invalid", { fields: invalidFields.join(", ") })}
        </p>
      ) : null}
      <nav aria-label={t("title")} className="mb-4 flex flex-wrap gap-1.5" data-testid="queue-tabs">
        {LOGISTICS_QUEUE_NAMES.map((name) => {
          const active = name === page.queue;
          return (
            <Link
              key={name}
              href={withQuery("/admin/logistics", filterQuery, { queue: name })}
              aria-current={active ? "page" : undefined}
              data-queue={name}
              className={`flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium whitespace-nowrap ${active ? "border-slate-900 bg-slate-900 text-white" : "border-slate-200 bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {t(`queues.${name}`)}
              <span className={`text-xs tabular-nums ${active ? "text-slate-300" : "text-slate-500"}`} data-testid={`queue-count-${name}`}>
                {count(page.counts[name])}
              </span>
            </Link>
          );
        })}
      </nav>

      <form action="/admin/logistics" method="get" role="search" className="mb-4 flex flex-wrap items-center gap-2" data-testid="logistics-filters">
        <input type="hidden" name="queue" value={page.queue} />
        <input
          type="search"
          name="q"
          aria-label={t("filters.search")}
          defaultValue={filters.q ?? ""}
          placeholder={t("filters.searchPlaceholder")}
          maxLength={200}
          className={`${control} min-w-64 flex-1`}
        />
        <select name="productId" aria-label={t("filters.product")} defaultValue={filters.productId ?? ""} className={`${control} max-w-52`}>
          <option value="">{t("filters.anyProduct")}</option>
          {options.products.map((product) => (
            <option key={product.id} value={product.id}>
              {product.name}
            </option>
          ))}
        </select>
        <select name="region" aria-label={t("filters.region")} defaultValue={filters.region ?? ""} className={control}>
          <option value="">{t("filters.anyRegion")}</option>
          {Object.values(Region).map((region) => (
            <option key={region} value={region}>
              {t(`regions.${region}`)}
            </option>
          ))}
        </select>
        <select name="paymentMethod" aria-label={t("filters.paymentMethod")} defaultValue={filters.paymentMethod ?? ""} className={control}>
          <option value="">{t("filters.anyPaymentMethod")}</option>
          {PAYMENT_METHODS.map((method) => (
            <option key={method} value={method}>
              {tOrders(`paymentMethods.${method}`)}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1.5 text-sm text-slate-500">
          {t("filters.from")}
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={`${control} w-36`} />
        </label>
        <label className="flex items-center gap-1.5 text-sm text-slate-500">
          {t("filters.to")}
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={`${control} w-36`} />
        </label>
        <button type="submit" className={primaryButton}>
          {t("filters.apply")}
        </button>
        <Link href={`/admin/logistics?queue=${page.queue}`} className={secondaryButton}>
          {t("filters.reset")}
        </Link>
      </form>

      <div className={`${panel} overflow-hidden`}>
        <QueueBulkForm
          moveAction={bulkMoveAction}
          batchAction={createBatchAction}
          targets={targets}
          orderNumbers={orderNumbers}
          canBatch={status === "CONFIRMED" || status === "SHIPPED"}
          today={zonedDay(new Date())}
        >
          <div className="overflow-x-auto">
            <table className="table" data-testid="logistics-table">
              <thead className="bg-slate-50/60">
                <tr>
                  <th className="w-8">
                    <SelectAllOrders label={t("bulk.selectAll")} />
                  </th>
                  <th>{t("columns.order")}</th>
                  <th>{t("columns.customer")}</th>
                  <th>{t("columns.address")}</th>
                  <th>{t("columns.items")}</th>
                  <th className="text-right">{t("columns.total")}</th>
                  <th>{t("columns.payment")}</th>
                  <th>{t("columns.tracking")}</th>
                  <th>{t("columns.batch")}</th>
                  <th>{t("columns.lastOperation")}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((order) => {
                  const batch = order.shippingBatchEntries[0]?.batch;
                  const operation = order.parcelOperations[0];
                  return (
                    <tr key={order.id} className="hover:bg-slate-50" data-testid="logistics-row" data-order-id={order.id} data-order-number={order.number}>
                      <td>
                        <input type="checkbox" name="orderIds" value={order.id} aria-label={t("bulk.selectOrder", { number: order.number })} className="size-4 rounded border-slate-300" />
                      </td>
                      <td className="whitespace-nowrap tabular-nums">
                        <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                          {tOrders("number", { number: order.number })}
                        </Link>
                        <div className="text-xs text-slate-500">{format.dateTime(order.createdAt, { dateStyle: "short", timeStyle: "short" })}</div>
                        <OrderStatusBadge status={order.status} label={tStatus(order.status)} />
                      </td>
                      <td className="max-w-48">
                        <div className="truncate font-medium">{order.customerName ?? "—"}</div>
                        <div className="truncate text-xs text-slate-500 tabular-nums">{order.phone ?? "—"}</div>
                      </td>
                      <td className="max-w-52">
                        <div className="truncate">{[order.postcode, order.city].filter(Boolean).join(" ") || "—"}</div>
                        <div className="truncate text-xs text-slate-500">{[order.province, t(`regions.${order.region}`)].filter(Boolean).join(" · ")}</div>
                      </td>
                      <td className="max-w-48">
                        {order.items.map((item, index) => (
                          <div key={index} className="truncate">
                            {item.productName}
                            {item.quantity > 1 ? ` × ${item.quantity}` : ""}
                          </div>
                        ))}
                      </td>
                      <td className="text-right font-medium whitespace-nowrap tabular-nums">{formatMoney(order.total, order.currency, locale)}</td>
                      <td className="whitespace-nowrap text-slate-600">{tOrders(`paymentMethodsShort.${order.paymentMethod}`)}</td>
                      <td className="font-mono text-xs whitespace-nowrap" data-testid="row-tracking">
                        {order.trackingNumber ?? <span className="text-slate-500">—</span>}
                      </td>
                      <td className="whitespace-nowrap">
                        {batch ? (
                          <Link href={`/admin/logistics/batches/${batch.id}`} className="text-brand-700 hover:underline">
                            {t("batches.number", { number: batch.number })}
                          </Link>
                        ) : (
                          <span className="text-slate-500">—</span>
                        )}
                      </td>
                      <td className="max-w-56 text-xs text-slate-600">
                        {operation ? (
                          <>
                            <div className="truncate">{[operation.typeName, operation.attrName].filter(Boolean).join(": ")}</div>
                            <div className="text-slate-500">{format.dateTime(operation.operatedAt, { dateStyle: "short", timeStyle: "short" })}</div>
                          </>
                        ) : (
                          <span className="text-slate-500">—</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
                {page.items.length === 0 ? (
                  <tr>
                    <td colSpan={10} className="py-12 text-center text-slate-500">
                      {t("empty")}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        </QueueBulkForm>
      </div>
      <div className="mt-4 flex gap-3">
        {input.cursor ? (
          <Link className={secondaryButton} href={withQuery("/admin/logistics", query, { cursor: undefined })}>
            {t("firstPage")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link className={secondaryButton} href={withQuery("/admin/logistics", query, { cursor: page.nextCursor })} data-testid="next-page">
            {t("nextPage")} →
          </Link>
        ) : null}
      </div>
    </>
  );
}

/** The URL's query, validated: a bad value drops only that filter and is named on the page. */
function parseQuery(raw: OrderQuery) {
  const query: OrderQuery = { ...raw };
  const invalidFields = new Set<string>();
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const parsed = ZLogisticsQueueInput.safeParse(query);
    if (parsed.success) return { input: parsed.data, query, invalidFields: [...invalidFields] };
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "");
      invalidFields.add(name);
      delete query[name];
    }
  }
  return { input: ZLogisticsQueueInput.parse({}), query: {}, invalidFields: [...invalidFields] };
}
