import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PAYMENT_METHODS, NO_PARTNER, type OrderFilters } from "@/lib/orders/list-orders";
import { ORDER_STATUSES } from "@/lib/orders/transitions";
import { control, primaryButton, secondaryButton } from "@/components/ui/styles";

interface Props {
  filters: OrderFilters;
  tab: string;
  products: { id: string; name: string }[];
  partners: { id: string; login: string; name: string }[];
}

/** A plain GET form: the filters live in the URL, so any view can be bookmarked or shared. */
export async function OrderFiltersForm({ filters, tab, products, partners }: Props) {
  const [t, tStatus] = await Promise.all([getTranslations("orders"), getTranslations("orderStatus")]);
  const active = (value: unknown) => (value ? "border-brand-600 bg-brand-50/40" : "");
  return (
    <form action="/admin/orders" method="get" className="mb-4 flex flex-wrap items-center gap-2" role="search" data-testid="order-filters">
      {tab !== "all" ? <input type="hidden" name="tab" value={tab} /> : null}
      <label className="sr-only" htmlFor="orders-q">
        {t("filters.search")}
      </label>
      <input id="orders-q" type="search" name="q" defaultValue={filters.q ?? ""} placeholder={t("filters.searchPlaceholder")} className={`${control} min-w-72 flex-1`} maxLength={200} />
      <select name="status" aria-label={t("filters.status")} defaultValue={filters.status?.length === 1 ? filters.status[0] : ""} className={`${control} ${active(filters.status?.length)}`}>
        <option value="">{t("filters.anyStatus")}</option>
        {ORDER_STATUSES.map((status) => (
          <option key={status} value={status}>
            {tStatus(status)}
          </option>
        ))}
      </select>
      <select name="paymentMethod" aria-label={t("filters.paymentMethod")} defaultValue={filters.paymentMethod ?? ""} className={`${control} ${active(filters.paymentMethod)}`}>
        <option value="">{t("filters.anyPaymentMethod")}</option>
        {PAYMENT_METHODS.map((method) => (
          <option key={method} value={method}>
            {t(`paymentMethods.${method}`)}
          </option>
        ))}
      </select>
      <select name="productId" aria-label={t("filters.product")} defaultValue={filters.productId ?? ""} className={`${control} max-w-52 ${active(filters.productId)}`}>
        <option value="">{t("filters.anyProduct")}</option>
        {products.map((product) => (
          <option key={product.id} value={product.id}>
            {product.name}
          </option>
        ))}
      </select>
      <select name="partnerId" aria-label={t("filters.partner")} defaultValue={filters.partnerId ?? ""} className={`${control} max-w-44 ${active(filters.partnerId)}`}>
        <option value="">{t("filters.anyPartner")}</option>
        <option value={NO_PARTNER}>{t("filters.noPartner")}</option>
        {partners.map((partner) => (
          <option key={partner.id} value={partner.id}>
            {partner.login}
          </option>
        ))}
      </select>
      <label className="flex items-center gap-1.5 text-sm text-slate-500">
        {t("filters.from")}
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={`${control} w-36 ${active(filters.from)}`} />
      </label>
      <label className="flex items-center gap-1.5 text-sm text-slate-500">
        {t("filters.to")}
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={`${control} w-36 ${active(filters.to)}`} />
      </label>
      <button type="submit" className={primaryButton}>
        {t("filters.apply")}
      </button>
      <Link href={tab !== "all" ? `/admin/orders?tab=${tab}` : "/admin/orders"} className={secondaryButton}>
        {t("filters.reset")}
      </Link>
    </form>
  );
}
