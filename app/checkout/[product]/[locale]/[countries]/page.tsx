// The checkout page, rendered statically per product, locale and countries (proxy.ts rewrites
// the public /checkout/<product> here with the visitor's locale and countries in the path) and
// served from the cache: a rendering at most a few seconds old (revalidate), so that price, stock
// and settings changes show within seconds (product edits in the admin revalidate it at once).
// Nothing here depends on the visitor: the idempotency key and the ad tracking are filled in by
// the browser (components/checkout/visitor-inputs.tsx), or derived by the Server Action when a
// form comes without them. The form posts to that action, which prices everything again.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { PriceTag } from "@/components/checkout/price-tag";
import { ProductShowcase } from "@/components/checkout/product-showcase";
import { ShopShell } from "@/components/checkout/shop-shell";
import type { TCheckoutFormView } from "@/components/checkout/types";
import { parseCountriesSegment } from "@/lib/checkout/checkout-route";
import { AppError } from "@/lib/errors";
import { checkoutDiscountHints } from "@/lib/marketing/discounts/checkout-discount-hints";
import { loadDiscountRules } from "@/lib/marketing/discounts/load-discount-rules";
import { placeOrderAction } from "../../actions";
import { quoteCheckoutAction } from "../../quote-action";
import { loadCheckout } from "../../load-checkout";
import { checkoutLocale } from "../checkout-locale";

// Static, regenerated in the background at most every 5 seconds; paths are rendered on their
// first visit (none at build time: the build has no database). Cookies and headers read here
// would be empty: the page gets everything it needs from its params.
export const dynamic = "force-static";
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { product: string; locale: string; countries: string }[] {
  return [];
}

type Props = { params: Promise<{ product: string; locale: string; countries: string }> };

// Country names in the visitor's language, made once per locale rather than on every view.
const regionNameFormatters = new Map<string, Intl.DisplayNames>();
function regionNamesFor(locale: string): Intl.DisplayNames {
  let names = regionNameFormatters.get(locale);
  if (!names) regionNameFormatters.set(locale, (names = new Intl.DisplayNames([locale], { type: "region" })));
  return names;
}

/** The view, or null for an unknown or switched-off product (the page answers 404). */
async function load({ params }: Props) {
  const { product, locale: localeSegment, countries } = await params;
  const locale = checkoutLocale(localeSegment);
  if (parseCountriesSegment(countries) === null) return null;
  try {
    return { view: await loadCheckout(product, countries, locale), locale };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  // Not found is the page's to say: thrown here, it would replace the page with Next.js' error
  // shell, rendered without the layouts (so without the checkout's 404 and its locale).
  const loaded = await load(props);
  if (!loaded) return {};
  const { view } = loaded;
  const description = view.product.description?.slice(0, 200) ?? undefined;
  return {
    title: view.product.name,
    description,
    openGraph: { title: view.product.name, description, images: view.product.imageUrl ? [view.product.imageUrl] : undefined },
  };
}

export default async function CheckoutPage(props: Props) {
  const loaded = await load(props);
  if (!loaded) notFound();
  const { view, locale } = loaded;
  const [t, discountRules] = await Promise.all([getTranslations(), loadDiscountRules()]);
  const discountHints = checkoutDiscountHints(discountRules, [view.product.id], new Date());
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
    discountsMayApply: discountHints.mayApply,
    promotion: discountHints.promotion,
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
          <CheckoutForm view={formView} countryLabel={countryField ? labelOf(countryField) : t("checkoutFields.COUNTRY")} action={placeOrderAction} quoteAction={quoteCheckoutAction} />
        </div>
      </div>
    </ShopShell>
  );
}
