import Link from "next/link";
import { Fragment } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DigitalDeliveryCard } from "@/components/admin/orders/digital-delivery-card";
import { NotesForm } from "@/components/admin/orders/notes-form";
import { OrderEditForm } from "@/components/admin/orders/order-edit-form";
import { OrderHistory } from "@/components/admin/orders/order-history";
import { OrderStatusBadge } from "@/components/admin/orders/order-status-badge";
import { PrintFormsMenu } from "@/components/admin/orders/print-forms-menu";
import { StatusChangeForm } from "@/components/admin/orders/status-change-form";
import { panel } from "@/components/ui/styles";
import { TrackingNumberForm } from "@/components/admin/orders/tracking-number-form";
import { OrderCrmPanel } from "@/components/crm/interactions/crm-activity-panels";
import { OrderRefusalPanel } from "@/components/crm/customers/order-refusal-panel";
import { OrderRemindersPanel } from "@/components/admin/orders/order-reminders-panel";
import { requireStaffPage } from "@/lib/auth/guard";
import { canOpenSection, sectionRoles } from "@/lib/auth/permissions";
import { ParcelTrackingPanel } from "@/components/admin/logistics/parcel-tracking-panel";
import { checkParcelAction } from "@/app/admin/logistics/actions";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money/format";
import { getOrderOrThrow, type OrderDetail } from "@/lib/orders/get-order";
import { listOrderFilterOptions } from "@/lib/orders/list-orders";
import { allowedTargets, BEFORE_SHIPPING_STATUSES, canRoleSetTrackingNumber, ORDER_TRANSITIONS } from "@/lib/orders/transitions";
import { changeStatusAction, saveNotesAction, saveTrackingNumberAction, updateOrderAction } from "./actions";
import { resendPurchaseMailAction } from "./digital-actions";

async function loadOrder(id: string): Promise<OrderDetail> {
  try {
    return await getOrderOrThrow(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage(sectionRoles("orders"), `/admin/orders/${encodeURIComponent(id)}`);
  const order = await loadOrder(id);
  const [t, tOrders, tStatus, tDiscounts, format, locale] = await Promise.all([
    getTranslations("orders.detail"),
    getTranslations("orders"),
    getTranslations("orderStatus"),
    getTranslations("discounts.admin"),
    getFormatter(),
    getLocale(),
  ]);
  const money = (amount: number) => formatMoney(amount, order.currency, locale);
  const country = new Intl.DisplayNames([locale], { type: "region" }).of(order.country) ?? order.country;
  const address = [
    order.postcode,
    country,
    order.province,
    order.city,
    [order.street, order.house].filter(Boolean).join(" "),
    order.flat ? `${tOrders("edit.fields.flat")} ${order.flat}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const targets = allowedTargets(order.status, actor.role).map((status) => ({ value: status, label: tStatus(status) }));
  const canSetTracking = canRoleSetTrackingNumber(actor.role);
  // Every role with access to orders may edit one before it ships (updateOrderBeforeShipping re-checks).
  const editable = (BEFORE_SHIPPING_STATUSES as readonly string[]).includes(order.status);
  const products = editable ? (await listOrderFilterOptions()).products : [];
  const customFields = order.customFields && typeof order.customFields === "object" && !Array.isArray(order.customFields) ? Object.entries(order.customFields) : [];
  const subIds = [order.sub1, order.sub2, order.sub3, order.sub4, order.sub5].map((value, index) => (value ? `sub${index + 1}=${value}` : null)).filter(Boolean);
  const utm = [order.utmSource, order.utmMedium, order.utmCampaign, order.utmContent, order.utmTerm].filter(Boolean).join(" / ");

  return (
    <>
      <Link href="/admin/orders" className="text-sm text-slate-500 hover:text-slate-800">
        ← {t("back")}
      </Link>
      <div className="mt-2 mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title", { number: order.number })}</h1>
        <span data-testid="order-status">
          <OrderStatusBadge status={order.status} label={tStatus(order.status)} />
        </span>
        <span className="text-sm text-slate-500">
          {t("placed", { date: format.dateTime(order.createdAt, { dateStyle: "medium", timeStyle: "short" }) })} · {tOrders(`paymentMethods.${order.paymentMethod}`)}
        </span>
        {canOpenSection(actor.role, "logistics") ? (
          <div className="ml-auto">
            <PrintFormsMenu orderId={order.id} isCod={order.paymentMethod === "COD"} />
          </div>
        ) : null}
      </div>

      {order.duplicateOf ? (
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <Link href={`/admin/orders/${order.duplicateOf.id}`} className="font-medium underline">
            {t("duplicateOf", { number: order.duplicateOf.number })}
          </Link>{" "}
          · {tStatus(order.duplicateOf.status)}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <section className={panel} aria-labelledby="items-title">
            <h2 id="items-title" className="px-5 pt-4 text-base font-semibold">
              {t("items")}
            </h2>
            <table className="table mt-2" data-testid="order-items">
              <thead>
                <tr>
                  <th>{t("product")}</th>
                  <th className="text-right">{t("quantity")}</th>
                  <th className="text-right">{t("unitPrice")}</th>
                  <th className="text-right">{t("lineTotal")}</th>
                </tr>
              </thead>
              <tbody>
                {order.items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      {item.productName}
                      {item.kind !== "MAIN" ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{tOrders(`itemKinds.${item.kind}`)}</span> : null}
                    </td>
                    <td className="text-right tabular-nums">{item.quantity}</td>
                    <td className="text-right tabular-nums">{money(item.unitPrice)}</td>
                    <td className="text-right tabular-nums">{money(item.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <dl className="ml-auto grid max-w-xs grid-cols-2 gap-x-6 gap-y-1 px-5 py-4 text-sm">
              <dt className="text-slate-500">{t("itemsTotal")}</dt>
              <dd className="text-right tabular-nums">{money(order.itemsTotal)}</dd>
              {order.discounts.length > 0 ? (
                order.discounts.map((discount) => (
                  <Fragment key={discount.id}>
                    <dt className="text-slate-500" data-testid="order-discount">
                      {discount.source === "COUPON" ? t("coupon", { code: discount.label }) : `${discount.label} (${tDiscounts(`source.${discount.source}`)})`}
                    </dt>
                    <dd className="text-right tabular-nums">−{money(discount.amount)}</dd>
                  </Fragment>
                ))
              ) : order.discountTotal ? (
                <>
                  <dt className="text-slate-500">{order.couponCode ? t("coupon", { code: order.couponCode }) : t("discount")}</dt>
                  <dd className="text-right tabular-nums">−{money(order.discountTotal)}</dd>
                </>
              ) : null}
              <dt className="text-slate-500">{t("shipping")}</dt>
              <dd className="text-right tabular-nums">{money(order.shippingTotal)}</dd>
              <dt className="border-t border-slate-200 pt-1 font-semibold">{t("total")}</dt>
              <dd className="border-t border-slate-200 pt-1 text-right font-semibold tabular-nums" data-testid="order-total">
                {money(order.total)}
              </dd>
            </dl>
          </section>

          <DigitalDeliveryCard orderId={order.id} canResend={order.paymentStatus === "PAID"} resendAction={resendPurchaseMailAction} />

          <section className="card grid gap-6 sm:grid-cols-2" aria-label={t("customer")}>
            <div>
              <h2 className="mb-2 text-base font-semibold">{t("customer")}</h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-500">{t("name")}</dt>
                <dd data-testid="customer-name">{order.customerName ?? t("empty")}</dd>
                <dt className="text-slate-500">{t("phone")}</dt>
                <dd className="tabular-nums">
                  {order.phone ? (
                    <a href={`tel:${order.phone}`} className="text-brand-700 hover:underline">
                      {order.phone}
                    </a>
                  ) : (
                    t("empty")
                  )}
                </dd>
                <dt className="text-slate-500">{t("email")}</dt>
                <dd className="break-all">
                  {order.email ? (
                    <a href={`mailto:${order.email}`} className="text-brand-700 hover:underline">
                      {order.email}
                    </a>
                  ) : (
                    t("empty")
                  )}
                </dd>
              </dl>
            </div>
            <div>
              <h2 className="mb-2 text-base font-semibold">{t("address")}</h2>
              <p className="text-sm" data-testid="order-address">
                {address || t("empty")}
              </p>
              {order.shippingMethod ? <p className="mt-1 text-sm text-slate-500">{tOrders(`shippingMethods.${order.shippingMethod}`)}</p> : null}
            </div>
            {order.customerComment ? (
              <div className="sm:col-span-2">
                <h3 className="mb-1 text-sm font-medium text-slate-500">{t("comment")}</h3>
                <p className="text-sm whitespace-pre-line">{order.customerComment}</p>
              </div>
            ) : null}
            {customFields.length ? (
              <div className="sm:col-span-2">
                <h3 className="mb-1 text-sm font-medium text-slate-500">{t("customFields")}</h3>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  {customFields.map(([key, value]) => (
                    <div key={key} className="contents">
                      <dt className="text-slate-500">{key}</dt>
                      <dd>{String(value)}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            ) : null}
          </section>

          {editable ? (
            <details className="card group" data-testid="order-edit">
              <summary className="flex cursor-pointer list-none items-center justify-between text-base font-semibold">
                {tOrders("edit.title")}
                <span className="text-sm font-normal text-slate-500 group-open:hidden">{tOrders("edit.hint")}</span>
              </summary>
              <div className="mt-4">
                <OrderEditForm
                  action={updateOrderAction}
                  products={products}
                  order={{
                    id: order.id,
                    items: order.items.map((item) => ({ id: item.id, productId: item.productId, productName: item.productName, quantity: item.quantity })),
                    address: {
                      customerName: order.customerName ?? "",
                      phone: order.phone ?? "",
                      email: order.email ?? "",
                      postcode: order.postcode ?? "",
                      province: order.province ?? "",
                      city: order.city ?? "",
                      street: order.street ?? "",
                      house: order.house ?? "",
                      flat: order.flat ?? "",
                    },
                  }}
                />
              </div>
            </details>
          ) : null}

          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title" className="mb-4 text-base font-semibold">
              {t("history")}
            </h2>
            <OrderHistory history={order.history} />
          </section>

          <OrderRemindersPanel orderId={order.id} />

          <ParcelTrackingPanel orderId={order.id} trackingNumber={order.trackingNumber} checkAction={canOpenSection(actor.role, "logistics") ? checkParcelAction : undefined} />

          <OrderCrmPanel orderId={order.id} />
        </div>

        <aside className="flex flex-col gap-6">
          <OrderRefusalPanel orderId={order.id} />
          <section className="card" aria-labelledby="status-title">
            <h2 id="status-title" className="mb-3 text-base font-semibold">
              {tOrders("status.title")}
            </h2>
            <StatusChangeForm
              action={changeStatusAction}
              orderId={order.id}
              targets={targets}
              canSetTracking={canSetTracking}
              trackingNumber={order.trackingNumber}
              isFinal={ORDER_TRANSITIONS[order.status].length === 0}
            />
          </section>

          <section className="card" aria-labelledby="tracking-title">
            <h2 id="tracking-title" className="mb-3 text-base font-semibold">
              {tOrders("tracking.title")}
            </h2>
            {canSetTracking ? (
              <TrackingNumberForm action={saveTrackingNumberAction} orderId={order.id} status={order.status} trackingNumber={order.trackingNumber} />
            ) : (
              <p className="font-mono text-sm" data-testid="tracking-number">
                {order.trackingNumber ?? tOrders("tracking.none")}
              </p>
            )}
          </section>

          <section className="card" aria-labelledby="notes-title">
            <h2 id="notes-title" className="mb-1 text-base font-semibold">
              {tOrders("notes.title")}
            </h2>
            <p className="mb-2 text-xs text-slate-500">{tOrders("notes.hint")}</p>
            {editable ? (
              <NotesForm action={saveNotesAction} orderId={order.id} notes={order.notes} />
            ) : (
              <p className="text-sm whitespace-pre-line" data-testid="order-notes">
                {order.notes ?? <span className="text-slate-500">{tOrders("notes.none")}</span>}
              </p>
            )}
          </section>

          <section className="card" aria-labelledby="payment-title">
            <h2 id="payment-title" className="mb-2 text-base font-semibold">
              {t("payment")}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-500">{t("paymentMethod")}</dt>
              <dd>{tOrders(`paymentMethods.${order.paymentMethod}`)}</dd>
              <dt className="text-slate-500">{t("paymentStatus")}</dt>
              <dd data-testid="payment-status">{tOrders(`paymentStatuses.${order.paymentStatus}`)}</dd>
            </dl>
          </section>

          <section className="card" aria-labelledby="source-title">
            <h2 id="source-title" className="mb-2 text-base font-semibold">
              {t("attribution")}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-500">{t("partner")}</dt>
              <dd data-testid="order-partner">{order.partner ? `${order.partner.login} · ${order.partner.name}` : t("noPartner")}</dd>
              {subIds.length ? (
                <>
                  <dt className="text-slate-500">{t("subIds")}</dt>
                  <dd className="font-mono text-xs break-all">{subIds.join(" ")}</dd>
                </>
              ) : null}
              {order.clickId ? (
                <>
                  <dt className="text-slate-500">{t("click")}</dt>
                  <dd className="font-mono text-xs">#{order.clickId}</dd>
                </>
              ) : null}
              <dt className="text-slate-500">{t("source")}</dt>
              <dd>{order.source}</dd>
              {utm ? (
                <>
                  <dt className="text-slate-500">{t("utm")}</dt>
                  <dd className="text-xs break-all">{utm}</dd>
                </>
              ) : null}
              {order.referrer ? (
                <>
                  <dt className="text-slate-500">{t("referrer")}</dt>
                  <dd className="text-xs break-all">{order.referrer}</dd>
                </>
              ) : null}
            </dl>
          </section>

          {order.duplicates.length ? (
            <section className="card" aria-labelledby="duplicates-title">
              <h2 id="duplicates-title" className="mb-2 text-base font-semibold">
                {t("duplicates")}
              </h2>
              <ul className="flex flex-col gap-1 text-sm">
                {order.duplicates.map((duplicate) => (
                  <li key={duplicate.id}>
                    <Link href={`/admin/orders/${duplicate.id}`} className="text-brand-700 hover:underline">
                      {tOrders("number", { number: duplicate.number })}
                    </Link>{" "}
                    · {tStatus(duplicate.status)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}
