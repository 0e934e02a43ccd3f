import { getTranslations } from "next-intl/server";
import { PAYMENT_METHODS, NO_PARTNER, type OrderFilterOptions, type OrderFilters } from "@/lib/orders/list-orders";
import { ORDER_STATUSES } from "@/lib/orders/transitions";
import { OrderFiltersView, type Choices, type OrderFilterTexts } from "./order-filters-view";

interface Props {
  filters: OrderFilters;
  tab: string;
  products: OrderFilterOptions["products"];
  partners: OrderFilterOptions["partners"];
}

const TEXT_KEYS = [
  "search",
  "searchPlaceholder",
  "status",
  "anyStatus",
  "paymentMethod",
  "anyPaymentMethod",
  "product",
  "anyProduct",
  "partner",
  "anyPartner",
  "from",
  "to",
  "apply",
  "reset",
] as const satisfies readonly (keyof OrderFilterTexts)[];

/** A plain GET form: the filters live in the URL, so any view can be bookmarked or shared. */
export async function OrderFiltersForm({ filters, tab, products, partners }: Props) {
  const [t, tStatus] = await Promise.all([getTranslations("orders"), getTranslations("orderStatus")]);
  const texts = Object.fromEntries(TEXT_KEYS.map((key) => [key, t(`filters.${key}`)])) as OrderFilterTexts;
  const choices = {
    status: ORDER_STATUSES.map((status): Choices[number] => [status, tStatus(status)]),
    paymentMethod: PAYMENT_METHODS.map((method): Choices[number] => [method, t(`paymentMethods.${method}`)]),
    productId: products.map((product): Choices[number] => [product.id, product.name]),
    partnerId: [[NO_PARTNER, t("filters.noPartner")], ...partners.map((partner): Choices[number] => [partner.id, partner.login])] satisfies Choices,
  };
  const values = {
    q: filters.q ?? "",
    status: filters.status?.length === 1 ? filters.status[0]! : "",
    statusFiltered: Boolean(filters.status?.length),
    paymentMethod: filters.paymentMethod ?? "",
    productId: filters.productId ?? "",
    partnerId: filters.partnerId ?? "",
    from: filters.from ?? "",
    to: filters.to ?? "",
  };
  return <OrderFiltersView tab={tab} values={values} texts={texts} choices={choices} />;
}
