// Advertising (MANAGER, OWNER): coupons, automatic discounts and promotions with what each did
// (orders, discount given, revenue), switched on and off here and edited on their own pages, and
// the links to upsells and order reminders.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { panel, primaryButton, secondaryButton } from "@/components/ui/styles";
import { Table, Td, Th, THead } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format-date";
import { listDiscounts, type DiscountStats } from "@/lib/marketing/discounts/list-discounts";
import { formatMoney } from "@/lib/money/format";
import { setDiscountActiveAction } from "./discount-actions";

export default async function AdvertisingPage() {
  const actor = await requireStaffPage(sectionRoles("advertising"), "/admin/advertising");
  const [t, tNav, locale, lists] = await Promise.all([getTranslations("discounts.admin"), getTranslations("nav"), getLocale(), listDiscounts({ id: actor.id, role: actor.role })]);
  const amount = (kind: string, value: number, currency: string | null) => (kind === "PERCENT" ? `${value / 100} %` : formatMoney(value, currency ?? "RUB", locale));
  const dates = (startsAt: Date | null, endsAt: Date | null) =>
    [startsAt ? t("from", { date: formatDateTime(startsAt) }) : null, endsAt ? t("until", { date: formatDateTime(endsAt) }) : null].filter(Boolean).join(" ") || "—";
  const money = (stats: DiscountStats, field: "discount" | "revenue") =>
    stats.money.length === 0 ? "—" : stats.money.map((entry) => formatMoney(entry[field], entry.currency, locale)).join(", ");
  const toggle = (kind: string, id: string, active: boolean) => (
    <form action={setDiscountActiveAction}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={String(!active)} />
      <button type="submit" className="text-sm text-brand-700 hover:underline">
        {active ? t("deactivate") : t("activate")}
      </button>
    </form>
  );
  const status = (active: boolean, endsAt: Date | null) => (!active ? t("status.off") : endsAt && endsAt <= new Date() ? t("status.ended") : t("status.on"));

  return (
    <>
      <PageHeader title={tNav("advertising")}>
        <Link href="/admin/advertising/upsells" className={secondaryButton}>
          {t("links.upsells")}
        </Link>
        <Link href="/admin/advertising/reminders" className={secondaryButton}>
          {t("links.reminders")}
        </Link>
      </PageHeader>

      <section className="mb-8 flex flex-col gap-3" aria-labelledby="coupons-heading">
        <div className="flex items-center justify-between gap-4">
          <h2 id="coupons-heading" className="text-lg font-semibold">
            {t("coupons")}
          </h2>
          <Link href="/admin/advertising/discounts/coupon/new" className={primaryButton} data-testid="new-coupon">
            {t("new.coupon")}
          </Link>
        </div>
        {lists.coupons.length === 0 ? (
          <p className="card text-slate-600">{t("empty")}</p>
        ) : (
          <div className={panel}>
            <Table testId="coupons-table" wrapperClassName="overflow-x-auto">
              <THead className="bg-slate-50/60">
                <Th>{t("columns.code")}</Th>
                <Th>{t("columns.discount")}</Th>
                <Th>{t("columns.dates")}</Th>
                <Th numeric>{t("columns.uses")}</Th>
                <Th numeric>{t("columns.orders")}</Th>
                <Th numeric>{t("columns.given")}</Th>
                <Th numeric>{t("columns.revenue")}</Th>
                <Th>{t("columns.status")}</Th>
                <Th />
              </THead>
              <tbody>
                {lists.coupons.map((coupon) => (
                  <tr key={coupon.id}>
                    <Td>
                      <Link href={`/admin/advertising/discounts/coupon/${coupon.id}`} className="font-mono font-medium text-brand-700 hover:underline">
                        {coupon.code}
                      </Link>
                    </Td>
                    <Td>
                      {amount(coupon.kind, coupon.value, coupon.currency)} · {t(`scopes.${coupon.scope}`)}
                      {coupon.combinable ? ` · ${t("combinableShort")}` : ""}
                    </Td>
                    <Td>{dates(coupon.startsAt, coupon.endsAt)}</Td>
                    <Td numeric>{coupon.maxUses === null ? coupon.stats.held : `${coupon.usedCount} / ${coupon.maxUses}`}</Td>
                    <Td numeric>{coupon.stats.orders}</Td>
                    <Td numeric>{money(coupon.stats, "discount")}</Td>
                    <Td numeric>{money(coupon.stats, "revenue")}</Td>
                    <Td>{status(coupon.isActive, coupon.endsAt)}</Td>
                    <Td>{toggle("coupon", coupon.id, coupon.isActive)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>

      <section className="mb-8 flex flex-col gap-3" aria-labelledby="automatic-heading">
        <div className="flex items-center justify-between gap-4">
          <h2 id="automatic-heading" className="text-lg font-semibold">
            {t("automatic")}
          </h2>
          <Link href="/admin/advertising/discounts/automatic/new" className={primaryButton}>
            {t("new.automatic")}
          </Link>
        </div>
        {lists.automatic.length === 0 ? (
          <p className="card text-slate-600">{t("empty")}</p>
        ) : (
          <div className={panel}>
            <Table testId="automatic-table" wrapperClassName="overflow-x-auto">
              <THead className="bg-slate-50/60">
                <Th>{t("columns.name")}</Th>
                <Th>{t("columns.discount")}</Th>
                <Th>{t("columns.dates")}</Th>
                <Th numeric>{t("columns.orders")}</Th>
                <Th numeric>{t("columns.given")}</Th>
                <Th numeric>{t("columns.revenue")}</Th>
                <Th>{t("columns.status")}</Th>
                <Th />
              </THead>
              <tbody>
                {lists.automatic.map((rule) => (
                  <tr key={rule.id}>
                    <Td>
                      <Link href={`/admin/advertising/discounts/automatic/${rule.id}`} className="font-medium text-brand-700 hover:underline">
                        {rule.name}
                      </Link>
                    </Td>
                    <Td>
                      {amount(rule.kind, rule.value, rule.currency)} · {t(`scopes.${rule.scope}`)}
                      {rule.minQuantity ? ` · ${t("minQuantityShort", { count: rule.minQuantity })}` : ""}
                      {rule.region ? ` · ${rule.region}` : ""}
                    </Td>
                    <Td>{dates(rule.startsAt, rule.endsAt)}</Td>
                    <Td numeric>{rule.stats.orders}</Td>
                    <Td numeric>{money(rule.stats, "discount")}</Td>
                    <Td numeric>{money(rule.stats, "revenue")}</Td>
                    <Td>{status(rule.isActive, rule.endsAt)}</Td>
                    <Td>{toggle("automatic", rule.id, rule.isActive)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>

      <section className="flex flex-col gap-3" aria-labelledby="promotions-heading">
        <div className="flex items-center justify-between gap-4">
          <h2 id="promotions-heading" className="text-lg font-semibold">
            {t("promotions")}
          </h2>
          <Link href="/admin/advertising/discounts/promotion/new" className={primaryButton}>
            {t("new.promotion")}
          </Link>
        </div>
        {lists.promotions.length === 0 ? (
          <p className="card text-slate-600">{t("empty")}</p>
        ) : (
          <div className={panel}>
            <Table testId="promotions-table" wrapperClassName="overflow-x-auto">
              <THead className="bg-slate-50/60">
                <Th>{t("columns.name")}</Th>
                <Th>{t("columns.discount")}</Th>
                <Th>{t("columns.dates")}</Th>
                <Th numeric>{t("columns.products")}</Th>
                <Th numeric>{t("columns.orders")}</Th>
                <Th numeric>{t("columns.given")}</Th>
                <Th numeric>{t("columns.revenue")}</Th>
                <Th>{t("columns.status")}</Th>
                <Th />
              </THead>
              <tbody>
                {lists.promotions.map((promotion) => (
                  <tr key={promotion.id}>
                    <Td>
                      <Link href={`/admin/advertising/discounts/promotion/${promotion.id}`} className="font-medium text-brand-700 hover:underline">
                        {promotion.name}
                      </Link>
                    </Td>
                    <Td>
                      {promotion.kind === "PRICE"
                        ? t("salePrice", { price: formatMoney(promotion.value, promotion.currency ?? "RUB", locale) })
                        : amount(promotion.kind, promotion.value, promotion.currency)}
                    </Td>
                    <Td>{dates(promotion.startsAt, promotion.endsAt)}</Td>
                    <Td numeric>{promotion.products}</Td>
                    <Td numeric>{promotion.stats.orders}</Td>
                    <Td numeric>{money(promotion.stats, "discount")}</Td>
                    <Td numeric>{money(promotion.stats, "revenue")}</Td>
                    <Td>{status(promotion.isActive, promotion.endsAt)}</Td>
                    <Td>{toggle("promotion", promotion.id, promotion.isActive)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
