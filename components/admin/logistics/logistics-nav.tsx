import Link from "next/link";
import { getTranslations } from "next-intl/server";

const TABS = [
  { key: "queues", href: "/admin/logistics" },
  { key: "batches", href: "/admin/logistics/batches" },
  { key: "tracking", href: "/admin/logistics/tracking" },
  { key: "settings", href: "/admin/logistics/settings", ownerOnly: true },
] as const;

/** The section's own tabs; the tracking settings only for the owner (the carrier account's credentials). */
export async function LogisticsNav({ active, isOwner }: { active: (typeof TABS)[number]["key"]; isOwner: boolean }) {
  const t = await getTranslations("logistics.nav");
  return (
    <nav aria-label={t("queues")} className="mb-5 flex flex-wrap gap-4 border-b border-slate-200 text-sm" data-testid="logistics-nav">
      {TABS.filter((tab) => !("ownerOnly" in tab) || isOwner).map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === active ? "page" : undefined}
          className={`-mb-px border-b-2 px-1 pb-2 font-medium ${tab.key === active ? "border-brand-600 text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800"}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
