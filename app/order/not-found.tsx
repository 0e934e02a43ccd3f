import { getTranslations } from "next-intl/server";
import { ShopShell } from "@/components/checkout/shop-shell";

export default async function OrderNotFound() {
  const t = await getTranslations("orderPages.notFound");
  return (
    <ShopShell width="narrow">
      <div className="flex flex-col items-center gap-3 py-16 text-center">
        <p className="text-5xl font-bold text-slate-200">404</p>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="max-w-md text-slate-600">{t("text")}</p>
      </div>
    </ShopShell>
  );
}
