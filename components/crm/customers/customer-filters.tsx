// The list's search box and filter panel: a plain GET form, so every filtered list is a URL
// (bookmarkable, shareable, storable as a saved view) and works without JavaScript.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { control, primaryButton, secondaryButton } from "@/components/ui/styles";
import { ABC_CLASSES, CUSTOMER_SORTS } from "@/lib/crm/customers/customer-query";

const REGIONS = ["RU", "CIS", "WORLD"] as const;
const TYPES = ["PERSON", "COMPANY"] as const;
/** The standard RFM segments (suggestions; the segment map may name others). */
const RFM_SUGGESTIONS = ["Champions", "Loyal", "Potential loyalist", "New", "Promising", "Need attention", "About to sleep", "At risk", "Can't lose them", "Lost"];

export async function CustomerFilters({
  query,
  segments,
  employees,
}: {
  query: Record<string, string>;
  segments: { id: string; name: string }[];
  employees: { id: string; name: string }[];
}) {
  const t = await getTranslations("crmCustomers");
  const value = (key: string) => query[key] ?? "";
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <select name={name} defaultValue={value(name)} className={control} data-testid={`filter-${name}`}>
        <option value="">{t("filters.any")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
  const input = (name: string, label: string, type = "text", extra: Record<string, string> = {}) => (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <input name={name} type={type} defaultValue={value(name)} className={control} data-testid={`filter-${name}`} {...extra} />
    </label>
  );
  return (
    <form method="get" action="/admin/customers" className="card mb-4 flex flex-col gap-3 print:hidden" role="search" data-testid="customer-filters">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs text-slate-600">
          {t("search.label")}
          <input name="q" type="search" defaultValue={value("q")} placeholder={t("search.placeholder")} className={control} data-testid="customer-search" />
        </label>
        <button type="submit" className={primaryButton} data-testid="customer-search-submit">
          {t("search.submit")}
        </button>
      </div>
      <details open={Object.keys(query).some((key) => !["q", "sort", "dir"].includes(key))}>
        <summary className="cursor-pointer text-sm font-medium text-slate-700">{t("filters.title")}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {select(
            "type",
            t("filters.type"),
            TYPES.map((type) => ({ value: type, label: t(`types.${type}`) })),
          )}
          {select(
            "segmentId",
            t("filters.segment"),
            segments.map((segment) => ({ value: segment.id, label: segment.name })),
          )}
          {input("rfmSegment", t("filters.rfmSegment"), "text", { list: "crm-rfm-segments" })}
          <datalist id="crm-rfm-segments">
            {RFM_SUGGESTIONS.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {select(
            "abcClass",
            t("filters.abcClass"),
            ABC_CLASSES.map((abc) => ({ value: abc, label: abc === "A" ? t("filters.gold") : abc })),
          )}
          {input("tag", t("filters.tag"))}
          {input("source", t("filters.source"))}
          {select(
            "region",
            t("filters.region"),
            REGIONS.map((region) => ({ value: region, label: t(`regions.${region}`) })),
          )}
          {select(
            "responsibleId",
            t("filters.responsible"),
            employees.map((employee) => ({ value: employee.id, label: employee.name })),
          )}
          {select("openDeal", t("filters.openDeal"), [
            { value: "yes", label: t("filters.openDealYes") },
            { value: "no", label: t("filters.openDealNo") },
          ])}
          {input("lastOrderFrom", t("filters.lastOrderFrom"), "date")}
          {input("lastOrderTo", t("filters.lastOrderTo"), "date")}
          {input("revenueMin", t("filters.revenueMin"), "text", { inputMode: "decimal" })}
          {input("revenueMax", t("filters.revenueMax"), "text", { inputMode: "decimal" })}
          {select(
            "sort",
            t("filters.sort"),
            CUSTOMER_SORTS.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) })),
          )}
          {select("dir", t("filters.dir"), [
            { value: "asc", label: t("filters.asc") },
            { value: "desc", label: t("filters.desc") },
          ])}
        </div>
        <div className="mt-3 flex gap-2">
          <button type="submit" className={primaryButton}>
            {t("filters.apply")}
          </button>
          <Link href="/admin/customers" className={secondaryButton}>
            {t("filters.reset")}
          </Link>
        </div>
      </details>
    </form>
  );
}
