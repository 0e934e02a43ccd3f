import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ProductEditorForm } from "@/components/admin/products/product-editor-form";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { getProductEditorReferences } from "@/lib/products/get-product";
import { saveProductAction } from "../actions";
import { ProductsMessages } from "../products-messages";

export default async function NewProductPage() {
  await requireStaffPage(sectionRoles("products"), "/admin/products/new");
  const [t, references] = await Promise.all([getTranslations("products.editor"), getProductEditorReferences()]);
  return (
    <ProductsMessages>
      <Link href="/admin/products" className="text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={t("titleNew")} />
      <div className="max-w-5xl">
        <ProductEditorForm action={saveProductAction} product={null} references={references} />
      </div>
    </ProductsMessages>
  );
}
