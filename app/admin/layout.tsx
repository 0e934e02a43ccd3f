import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { SignOutButton } from "@/components/sign-out-button";
import { requireStaffPage } from "@/lib/auth/guard";
import { ADMIN_SECTIONS, canOpenSection, type AdminSection } from "@/lib/auth/permissions";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireStaffPage();
  const t = await getTranslations();
  const items = (Object.keys(ADMIN_SECTIONS) as AdminSection[])
    .filter((section) => canOpenSection(actor.role, section))
    .map((section) => ({ href: ADMIN_SECTIONS[section].href, label: t(`nav.${section}`) }));
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white px-3 py-5 md:flex">
        <Link href="/admin" className="px-3 text-lg font-bold tracking-tight">
          {t("common.appName")}
        </Link>
        <AdminNav items={items} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
          <details className="md:hidden">
            <summary className="cursor-pointer text-sm font-medium">{t("common.appName")}</summary>
            <div className="absolute z-10 mt-2 rounded-md border bg-white p-2 shadow">
              <AdminNav items={items} />
            </div>
          </details>
          <div className="ml-auto flex items-center gap-5">
            <LocaleSwitcher />
            <span className="text-sm" data-testid="current-user">
              {actor.name} · <span className="text-slate-500">{t(`roles.${actor.role}`)}</span>
            </span>
            <SignOutButton callbackUrl="/signin" />
          </div>
        </header>
        {/* Pages whose client components need more texts than the root layout's give them their own
            provider (the orders namespace went into every admin page's payload: 6 KB). */}
        <main className="flex-1 px-6 py-6">{children}</main>
      </div>
    </div>
  );
}
