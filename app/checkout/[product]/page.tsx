// The checkout page: everything is rendered on the server from one read (no client fetching),
// prices for the visitor's country; the form posts to a Server Action that prices it again.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { PriceTag } from "@/components/checkout/price-tag";
import { ProductShowcase } from "@/components/checkout/product-showcase";
import { ShopShell } from "@/components/checkout/shop-shell";
import type { TCheckoutFormView } from "@/components/checkout/types";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { placeOrderAction } from "./actions";
import { loadCheckout, normaliseCountryParam } from "./load-checkout";

type Props = { params: Promise<{ product: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const UTM_PARAMS = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"];

/** The ad or link that brought the visitor, to be kept on the order. */
function trackingOf(query: Record<string, string | string[] | undefined>, referrer: string | null, host: string | null): Record<string, string> {
  const tracking: Record<string, string> = {};
  for (const name of UTM_PARAMS) {
    const value = query[name];
    if (typeof value === "string" && value.trim()) tracking[name] = value.trim().slice(0, 200);
  }
  // Our own pages (a country change reloads this one) are not where the visitor came from.
  if (referrer && !isOwnPage(referrer, host)) tracking.referrer = referrer.slice(0, 2000);
  return tracking;
}

function isOwnPage(url: string, host: string | null) {
  try {
    return new URL(url).host === host;
  } catch {
    return true;
  }
}

// Country names in the visitor's language, made once per locale rather than on every view.
const regionNameFormatters = new Map<string, Intl.DisplayNames>();
function regionNamesFor(locale: string): Intl.DisplayNames {
  let names = regionNameFormatters.get(locale);
  if (!names) regionNameFormatters.set(locale, (names = new Intl.DisplayNames([locale], { type: "region" })));
  return names;
}

async function load({ params, searchParams }: Props) {
  const [{ product }, query, requestLocale, requestHeaders] = await Promise.all([params, searchParams, getLocale(), headers()]);
  const locale = isLocale(requestLocale) ? requestLocale : DEFAULT_LOCALE;
  try {
    const view = await loadCheckout(product, normaliseCountryParam(query.country), requestHeaders.get("accept-language"), locale);
    return { view, locale, tracking: trackingOf(query, requestHeaders.get("referer"), requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host")) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { view } = await load(props);
  const description = view.product.description?.slice(0, 200) ?? undefined;
  return {
    title: view.product.name,
    description,
    openGraph: { title: view.product.name, description, images: view.product.imageUrl ? [view.product.imageUrl] : undefined },
  };
}

export default async function CheckoutPage(props: Props) {
  const { view, locale, tracking } = await load(props);
  const t = await getTranslations();
  const regionNames = regionNamesFor(locale);
  const labelOf = (field: { type: string; label: string | null }) => field.label?.trim() || t(`checkoutFields.${field.type}`);

  const formView: TCheckoutFormView = {
    productId: view.product.id,
    productName: view.product.name,
    productType: view.product.type,
    confirmationMode: view.product.confirmationMode,
    currency: view.product.currency,
    country: view.country,
    countries: view.countries.map((country) => ({
      code: country.code,
      name: regionNames.of(country.code) ?? country.code,
      phoneCode: country.phoneCode,
      phoneMask: country.phoneMask,
      postcodePattern: country.postcodePattern,
    })),
    unitPrice: view.unitPrice,
    tiers: view.tiers.map((tier) => ({ minQuantity: tier.minQuantity, unitPrice: tier.unitPrice })),
    maxQuantity: view.maxQuantity,
    payWhatYouWant: view.product.payWhatYouWant,
    minimumPrice: view.product.minimumPrice,
    fields: [...view.fields]
      .sort((a, b) => a.position - b.position)
      .map((field) => ({
        key: field.key,
        type: field.type,
        label: labelOf(field),
        required: field.required,
        placeholder: field.placeholder,
        mask: field.mask,
        options: field.options ?? [],
      })),
    paymentMethods: view.paymentMethods,
    shipping: view.shipping.map((option) => ({ method: option.method, cost: option.cost })),
    bumps: view.bumps.map((bump) => ({ id: bump.id, title: bump.title, description: bump.description, price: bump.price, quantity: bump.quantity })),
    // A new key for every rendered form: resubmitting this form (double click, retry, back
    // button) returns the order it made instead of making another.
    tracking,
    idempotencyKey: randomUUID(),
  };
  const countryField = view.fields.find((field) => field.type === "COUNTRY");

  return (
    <ShopShell>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,30rem)] lg:gap-12">
        <div className="lg:sticky lg:top-8 lg:self-start">
          <ProductShowcase
            name={view.product.name}
            description={view.product.description}
            imageUrl={view.product.imageUrl}
            price={
              <PriceTag
                price={view.unitPrice}
                compareAtPrice={view.compareAtPrice}
                currency={view.product.currency}
                displayPrices={view.displayPrices}
                locale={locale}
                payWhatYouWant={view.product.payWhatYouWant}
                minimumPrice={view.product.minimumPrice}
              />
            }
          />
        </div>
        {/* Edge to edge on a phone: every pixel of width goes to the inputs. */}
        <div className="-mx-4 border-y border-slate-200 bg-white px-4 py-6 sm:mx-0 sm:rounded-2xl sm:border-0 sm:p-7 sm:shadow-sm sm:ring-1 sm:ring-slate-200">
          <CheckoutForm view={formView} countryLabel={countryField ? labelOf(countryField) : t("checkoutFields.COUNTRY")} action={placeOrderAction} />
        </div>
      </div>
    </ShopShell>
  );
}
