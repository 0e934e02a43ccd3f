"use client";

import Link from "next/link";
import { control, primaryButton, secondaryButton } from "@/components/ui/styles";

/** The filter form's texts, by their key under orders.filters. */
export type OrderFilterTexts = Record<
  "search" | "searchPlaceholder" | "status" | "anyStatus" | "paymentMethod" | "anyPaymentMethod" | "product" | "anyProduct" | "partner" | "anyPartner" | "from" | "to" | "apply" | "reset",
  string
>;

/** A select's choices as [value, label] pairs: a hundred partners travel as data, not as option elements. */
export type Choices = [value: string, label: string][];

/** The form's current values ("" for an unset filter). */
export interface OrderFilterValues {
  q: string;
  /** The single status filtered on, for the select. */
  status: string;
  /** Whether any status filter applies (a link may filter on several). */
  statusFiltered: boolean;
  paymentMethod: string;
  productId: string;
  partnerId: string;
  from: string;
  to: string;
}

interface Props {
  tab: string;
  values: OrderFilterValues;
  texts: OrderFilterTexts;
  choices: { status: Choices; paymentMethod: Choices; productId: Choices; partnerId: Choices };
}

/**
 * The filter form, rendered from data (components/admin/orders/order-filters.tsx computes it): the
 * page's RSC payload carries the choices as [value, label] pairs rather than as the element tree of
 * every option, which the server serialised on each request and parsed again for the HTML.
 */
export function OrderFiltersView({ tab, values, texts, choices }: Props) {
  const active = (value: string | boolean) => (value ? "border-brand-600 bg-brand-50/40" : "");
  const options = (list: Choices) =>
    list.map(([value, label]) => (
      <option key={value} value={value}>
        {label}
      </option>
    ));
  return (
    <form action="/admin/orders" method="get" className="mb-4 flex flex-wrap items-center gap-2" role="search" data-testid="order-filters">
      {tab !== "all" ? <input type="hidden" name="tab" value={tab} /> : null}
      <label className="sr-only" htmlFor="orders-q">
        {texts.search}
      </label>
      <input id="orders-q" type="search" name="q" defaultValue={values.q} placeholder={texts.searchPlaceholder} className={`${control} min-w-72 flex-1`} maxLength={200} />
      <select name="status" aria-label={texts.status} defaultValue={values.status} className={`${control} ${active(values.statusFiltered)}`}>
        <option value="">{texts.anyStatus}</option>
        {options(choices.status)}
      </select>
      <select name="paymentMethod" aria-label={texts.paymentMethod} defaultValue={values.paymentMethod} className={`${control} ${active(values.paymentMethod)}`}>
        <option value="">{texts.anyPaymentMethod}</option>
        {options(choices.paymentMethod)}
      </select>
      <select name="productId" aria-label={texts.product} defaultValue={values.productId} className={`${control} max-w-52 ${active(values.productId)}`}>
        <option value="">{texts.anyProduct}</option>
        {options(choices.productId)}
      </select>
      <select name="partnerId" aria-label={texts.partner} defaultValue={values.partnerId} className={`${control} max-w-44 ${active(values.partnerId)}`}>
        <option value="">{texts.anyPartner}</option>
        {options(choices.partnerId)}
      </select>
      <label className="flex items-center gap-1.5 text-sm text-slate-500">
        {texts.from}
        <input type="date" name="from" defaultValue={values.from} className={`${control} w-36 ${active(values.from)}`} />
      </label>
      <label className="flex items-center gap-1.5 text-sm text-slate-500">
        {texts.to}
        <input type="date" name="to" defaultValue={values.to} className={`${control} w-36 ${active(values.to)}`} />
      </label>
      <button type="submit" className={primaryButton}>
        {texts.apply}
      </button>
      <Link href={tab !== "all" ? `/admin/orders?tab=${tab}` : "/admin/orders"} className={secondaryButton}>
        {texts.reset}
      </Link>
    </form>
  );
}
