"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useOptimistic, useRef, useTransition } from "react";
import { carryFormOver } from "./carry-over";
import { errorId, FieldShell } from "./field-shell";
import type { TCheckoutCountry } from "./types";
import { useEarlyValue } from "./use-early-input";

export const COUNTRY_INPUT_ID = "checkout-country";

/**
 * The delivery country. Prices, shipping and payment methods depend on it, so a change loads
 * the page again for that country (?country=XX, other query parameters such as partner links
 * kept); the values typed so far stay in the form.
 */
export function CountrySelect({
  product,
  country,
  countries,
  label,
  error,
  warning,
}: {
  /** The product's id: what is typed is carried over to its page for the new country. */
  product: string;
  country: string;
  countries: TCheckoutCountry[];
  label: string;
  error: string | undefined;
  /** Said right here, before the shopper types an address for a country that cannot be served. */
  warning: string | null;
}) {
  const t = useTranslations("checkout");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(country);
  const select = useRef<HTMLSelectElement>(null);

  const choose = (element: HTMLSelectElement) => {
    const next = element.value;
    if (element.form) carryFormOver(element.form, product);
    // The address bar, not usePathname/useSearchParams: the page is rendered statically at an
    // internal path (proxy.ts), which knows neither the public path nor the query.
    const params = new URLSearchParams(window.location.search);
    params.set("country", next);
    startTransition(() => {
      setShown(next);
      router.replace(`${window.location.pathname}?${params.toString()}`, { scroll: false });
    });
  };

  // A country picked before the page's script had loaded changed the select but no page.
  useEarlyValue(select, country, choose);

  return (
    <FieldShell
      className="col-span-2"
      inputId={COUNTRY_INPUT_ID}
      label={label}
      required
      optionalText=""
      error={error}
      hint={pending ? <span aria-live="polite">{t("country.updating")}</span> : warning ? <span className="text-sm text-amber-700">{warning}</span> : null}
    >
      <select
        ref={select}
        id={COUNTRY_INPUT_ID}
        name="country"
        className="input h-11 text-base aria-invalid:border-red-400 aria-invalid:ring-2 aria-invalid:ring-red-100"
        autoComplete="country"
        required
        value={shown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId(COUNTRY_INPUT_ID) : undefined}
        onChange={(event) => choose(event.currentTarget)}
      >
        {countries.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
