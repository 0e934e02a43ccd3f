"use client";

import Link from "next/link";

/** One status tab as the server computed it: its link and its count, already formatted. */
export interface StatusTabView {
  value: string;
  label: string;
  href: string;
  count: number | string;
  /** Set when the count is capped ("1,000+"): says what the cap means. */
  hint?: string;
}

/**
 * The tab links. Rendered here rather than by the server component so that the page's RSC payload
 * carries the eleven tabs as their data (about 60 bytes a tab) instead of as Link elements with
 * their class lists (about 450 bytes a tab), serialised on every request and parsed again for the
 * HTML. Links, so that switching tabs stays a client navigation.
 */
export function StatusTabLinks({ tabs, active, label }: { tabs: StatusTabView[]; active: string; label: string }) {
  return (
    <nav aria-label={label} className="mb-4 flex flex-wrap gap-1.5" data-testid="status-tabs">
      {tabs.map((tab) => {
        const isActive = tab.value === active;
        return (
          <Link
            key={tab.value}
            href={tab.href}
            aria-current={isActive ? "page" : undefined}
            data-tab={tab.value}
            className={`flex shrink-0 items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium whitespace-nowrap ${
              isActive ? "border-slate-900 bg-slate-900 text-white" : "border-slate-200 bg-white text-slate-700 hover:border-slate-300 hover:bg-slate-50"
            }`}
          >
            {tab.label}
            <span
              className={`text-xs tabular-nums ${isActive ? "text-slate-300" : "text-slate-500"}`}
              data-testid={`tab-count-${tab.value}`}
              {...(tab.hint !== undefined ? { title: tab.hint, "data-more": "" } : {})}
            >
              {tab.count}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
