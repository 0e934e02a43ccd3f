import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { panel, primaryButton } from "@/components/ui/styles";
import { PageHeader } from "@/components/admin/page-header";
import { CopyProductButton } from "@/components/admin/products/copy-product-button";
import { ProductActiveToggle } from "@/components/admin/products/product-active-toggle";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { formatMoney } from "@/lib/money/format";
import { listProducts } from "@/lib/products/list-products";
import { copyProductAction, setProductActiveAction } from "./actions";
import { ProductsMessages } from "./products-messages";

export default async function ProductsPage() {
  await requireStaffPage(sectionRoles("products"), "/admin/products");
  const [t, locale, products] = await Promise.all([getTranslations("products"), getLocale(), listProducts()]);

  return (
    <ProductsMessages>
      <PageHeader title={t("title")}>
        <Link href="/admin/products/new" className={primaryButton} data-testid="new-product">
          {t("new")}
        </Link>
      </PageHeader>
      <div className={`${panel} overflow-x-auto`}>
        <table className="table" data-testid="products-table">
          <thead className="bg-slate-50/60">
            <tr>
              <th>{t("list.id")}</th>
              <th>{t("list.name")}</th>
              <th className="text-right">{t("list.price")}</th>
              <th>{t("list.converted")}</th>
              <th>{t("list.type")}</th>
              <th>{t("list.stock")}</th>
              <th>{t("list.orderPage")}</th>
              <th>{t("list.active")}</th>
              <th>{t("list.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {products.map((product) => (
              <tr key={product.id} className="hover:bg-slate-50" data-testid="product-row" data-product-slug={product.slug}>
                <td className="max-w-20 truncate font-mono text-xs text-slate-500" title={product.id}>
                  {product.id}
                </td>
                <td className="font-medium">
                  <Link href={`/admin/products/${product.id}`} className="text-brand-700 hover:underline" data-testid="edit-product">
                    {product.name}
                  </Link>
                </td>
                <td className="text-right whitespace-nowrap tabular-nums" data-testid="product-price">
                  {product.price === null ? <span className="text-slate-500">{t("list.notSold")}</span> : formatMoney(product.price, product.currency, locale)}
                </td>
                <td className="text-xs whitespace-nowrap text-slate-500 tabular-nums">
                  {product.price === null
                    ? null
                    : product.converted.map((entry) => (
                        <div key={entry.currency}>{entry.amount === null ? `${entry.currency}: ${t("list.noRate")}` : formatMoney(entry.amount, entry.currency, locale)}</div>
                      ))}
                </td>
                <td>{t(`types.${product.type}`)}</td>
                <td className="tabular-nums">{product.stock === null ? <span className="text-slate-500">{t("list.untracked")}</span> : product.stock - product.reserved}</td>
                <td>
                  <a href={`/checkout/${product.slug}`} target="_blank" rel="noopener noreferrer" className="font-mono text-xs text-brand-700 hover:underline" data-testid="order-page-link">
                    /checkout/{product.slug}
                  </a>
                </td>
                <td>
                  <ProductActiveToggle productId={product.id} productName={product.name} isActive={product.isActive} action={setProductActiveAction} compact />
                </td>
                <td>
                  <CopyProductButton productId={product.id} productName={product.name} action={copyProductAction} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {products.length === 0 ? <p className="px-4 py-6 text-sm text-slate-500">{t("list.empty")}</p> : null}
      </div>
    </ProductsMessages>
  );
}
