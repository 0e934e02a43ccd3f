// The frame of every shopper-facing page (checkout, after ordering, confirmation): a quiet
// header with the shop's name, the language switcher and a reassurance, then the page.
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";

export async function ShopShell({ children, width = "wide" }: { children: React.ReactNode; width?: "wide" | "narrow" }) {
  const t = await getTranslations();
  const container = width === "wide" ? "max-w-6xl" : "max-w-2xl";
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className={`mx-auto flex h-14 w-full ${container} items-center justify-between gap-4 px-4 sm:px-6`}>
          <span className="text-lg font-bold tracking-tight text-slate-900">{t("common.appName")}</span>
          <div className="flex items-center gap-4">
            <span className="hidden items-center gap-1.5 text-sm text-slate-500 sm:flex">
              <LockIcon />
              {t("checkout.secure")}
            </span>
            <LocaleSwitcher />
          </div>
        </div>
      </header>
      <main className={`mx-auto w-full ${container} flex-1 px-4 py-6 sm:px-6 sm:py-10`}>{children}</main>
      <footer className="py-6 text-center text-xs text-slate-500">{t("checkout.footer", { shop: t("common.appName") })}</footer>
    </div>
  );
}

function LockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 text-emerald-600">
      <path
        fillRule="evenodd"
        d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
