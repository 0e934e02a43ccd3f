import Link from "next/link";
import { getTranslations } from "next-intl/server";

export const SETTINGS_TABS = ["shop", "currencies", "countries", "shipping"] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];
/** Settings sections with a page of their own. */
const SETTINGS_PAGES = {
  requisites: "/admin/settings/requisites",
  employees: "/admin/settings/employees",
  coowners: "/admin/settings/coowners",
  api: "/admin/settings/api",
  webhooks: "/admin/settings/webhooks",
  audit: "/admin/settings/audit",
} as const;
type SettingsPage = keyof typeof SETTINGS_PAGES;

export async function SettingsTabs({ active }: { active: SettingsTab | SettingsPage }) {
  const t = await getTranslations("settings.tabs");
  return (
    <nav className="mb-6 flex flex-wrap gap-1 border-b border-slate-200" aria-label={t("label")}>
      {[...SETTINGS_TABS.map((tab) => [tab, `/admin/settings?tab=${tab}`] as const), ...Object.entries(SETTINGS_PAGES)].map(([tab, href]) => (
        <Link
          key={tab}
          href={href}
          aria-current={tab === active ? "page" : undefined}
          className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${tab === active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t(tab)}
        </Link>
      ))}
    </nav>
  );
}
