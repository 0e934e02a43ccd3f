"use client";
// The cabinet's link builder: product and sub-ids in, the full referral link out, built as the
// partner types (buildReferralLink is the same rule the page and the tests use) and copied with
// one click. Nothing is saved: a link is just a URL, so there is no server round trip.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { buildReferralLink, MAX_SUB_ID_LENGTH, SUB_ID_KEYS, type SubIdKey } from "@/lib/affiliates/cabinet/build-referral-link";
import { control, primaryButton } from "@/components/ui/styles";

export function LinkBuilder(props: { appUrl: string; login: string; products: { slug: string; name: string }[] }) {
  const { appUrl, login, products } = props;
  const t = useTranslations("cabinet");
  const id = useId();
  const [productSlug, setProductSlug] = useState(products[0]?.slug ?? "");
  const [subs, setSubs] = useState<Record<SubIdKey, string>>({ sub1: "", sub2: "", sub3: "", sub4: "", sub5: "" });
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const tooLong = SUB_ID_KEYS.filter((key) => subs[key].trim().length > MAX_SUB_ID_LENGTH);
  const link = buildReferralLink({ appUrl, login, productSlug, subs });

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopyState("copied");
    } catch {
      // Clipboard access needs a secure context and permission; the link stays selectable.
      setCopyState("failed");
    }
  }

  return (
    <div className="card max-w-3xl space-y-5">
      <div>
        <label htmlFor={`${id}-product`} className="mb-1 block text-sm font-medium text-slate-700">
          {t("product")}
        </label>
        <select
          id={`${id}-product`}
          value={productSlug}
          onChange={(event) => {
            setProductSlug(event.target.value);
            setCopyState("idle");
          }}
          className={`${control} w-full`}
        >
          {products.map((product) => (
            <option key={product.slug} value={product.slug}>
              {product.name}
            </option>
          ))}
          <option value="">{t("homePage")}</option>
        </select>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-5">
        {SUB_ID_KEYS.map((key) => (
          <div key={key}>
            <label htmlFor={`${id}-${key}`} className="mb-1 block text-sm font-medium text-slate-700">
              {key}
            </label>
            <input
              id={`${id}-${key}`}
              value={subs[key]}
              onChange={(event) => {
                setSubs((current) => ({ ...current, [key]: event.target.value }));
                setCopyState("idle");
              }}
              aria-invalid={tooLong.includes(key) || undefined}
              aria-describedby={tooLong.includes(key) ? `${id}-${key}-error` : undefined}
              className={`${control} w-full`}
            />
            {tooLong.includes(key) ? (
              <p id={`${id}-${key}-error`} className="mt-1 text-xs text-red-700" role="alert">
                {t("subTooLong", { max: MAX_SUB_ID_LENGTH })}
              </p>
            ) : null}
          </div>
        ))}
        <p className="text-xs text-slate-500 sm:col-span-5">{t("subHint", { max: MAX_SUB_ID_LENGTH })}</p>
      </fieldset>
      <div>
        <div className="mb-1 text-sm font-medium text-slate-700" id={`${id}-link`}>
          {t("yourLink")}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <output aria-labelledby={`${id}-link`} className="min-w-0 flex-1 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all select-all" data-testid="built-link">
            {link}
          </output>
          <button type="button" onClick={copy} disabled={tooLong.length > 0} className={primaryButton} data-testid="copy-link">
            {copyState === "copied" ? t("copied") : t("copy")}
          </button>
        </div>
        {copyState === "failed" ? (
          <p className="mt-1 text-xs text-red-700" role="alert">
            {t("copyFailed")}
          </p>
        ) : null}
      </div>
    </div>
  );
}
