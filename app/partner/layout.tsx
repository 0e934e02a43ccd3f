import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { SignOutButton } from "@/components/sign-out-button";
import { requirePartnerPage } from "@/lib/auth/guard";

export default async function PartnerLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePartnerPage();
  const t = await getTranslations();
  return (
    <div className="min-h-screen">
      <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
        <Link href="/partner" className="text-lg font-bold tracking-tight">
          {t("partner.cabinet")}
        </Link>
        <nav aria-label={t("cabinet.nav.label")} className="mr-auto flex items-center gap-4 text-sm font-medium text-slate-600">
          <Link href="/partner" className="hover:text-slate-900">
            {t("cabinet.nav.home")}
          </Link>
          <Link href="/partner/orders" className="hover:text-slate-900">
            {t("cabinet.nav.orders")}
          </Link>
          <Link href="/partner/links" className="hover:text-slate-900">
            {t("cabinet.nav.links")}
          </Link>
          <Link href="/partner/payouts" className="hover:text-slate-900">
            {t("cabinetPayouts.nav")}
          </Link>
          <Link href="/partner/postbacks" className="hover:text-slate-900">
            {t("postbacks.nav")}
          </Link>
          <Link href="/partner/news" className="hover:text-slate-900">
            {t("partnerNews.nav")}
          </Link>
          <Link href="/partner/materials" className="hover:text-slate-900">
            {t("promoMaterials.nav")}
          </Link>
        </nav>
        <div className="flex items-center gap-5">
          <LocaleSwitcher />
          <span className="text-sm" data-testid="current-user">
            {actor.name}
          </span>
          <SignOutButton callbackUrl="/partners/signin" />
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-6 py-6">{children}</main>
    </div>
  );
}
