import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { secondaryButton } from "@/components/ui/styles";
import { PageHeader } from "@/components/admin/page-header";
import { DigitalFilesSection } from "@/components/admin/products/digital-files-section";
import { EmailTextsForm } from "@/components/admin/products/email-texts-form";
import { Section } from "@/components/admin/products/field";
import { FormFieldsEditor } from "@/components/admin/products/form-fields-editor";
import { PinCodesForm } from "@/components/admin/products/pin-codes-form";
import { ProductActiveToggle } from "@/components/admin/products/product-active-toggle";
import { ProductEditorForm } from "@/components/admin/products/product-editor-form";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { DEFAULT_FIELD_KEYS, defaultFormFields } from "@/lib/checkout/checkout-fields";
import { CHECKOUT_MAIL_TEMPLATES } from "@/lib/checkout/find-checkout-product";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locales";
import { MAX_CUSTOM_FIELDS } from "@/lib/products/form-fields-input";
import { getPinCodeSummary } from "@/lib/products/get-pin-code-summary";
import { getProductEditorReferences, getProductOrThrow } from "@/lib/products/get-product";
import { listDigitalFiles } from "@/lib/products/list-digital-files";
import { addPinCodesAction, saveEmailTextsAction, saveFormFieldsAction, saveProductAction, setProductActiveAction } from "../actions";
import { ProductsMessages } from "../products-messages";

const SECTIONS = ["basics", "prices", "cod", "pages", "stock", "form", "emails", "pins", "files"] as const;

export default async function ProductPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  await requireStaffPage(sectionRoles("products"), `/admin/products/${encodeURIComponent(id)}`);
  const product = await getProductOrThrow(id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const query = await searchParams;
  const [t, tProducts, references, pins, files] = await Promise.all([
    getTranslations("products.editor"),
    getTranslations("products"),
    getProductEditorReferences(product.currency),
    getPinCodeSummary(product.id),
    listDigitalFiles(product.id),
  ]);
  const usingDefault = product.formFields.length === 0;
  const defaultFields = defaultFormFields(product);

  return (
    <ProductsMessages>
      <Link href="/admin/products" className="text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={t("titleEdit", { name: product.name })}>
        <div className="flex items-center gap-4">
          <ProductActiveToggle productId={product.id} productName={product.name} isActive={product.isActive} action={setProductActiveAction} />
          <a href={`/checkout/${product.slug}`} target="_blank" rel="noopener noreferrer" className={secondaryButton}>
            {t("openCheckout")}
          </a>
        </div>
      </PageHeader>
      {query.copied ? <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("copied")}</p> : null}
      {query.created ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("created")}
        </p>
      ) : null}
      <div className="flex gap-6">
        <nav aria-label={t("titleEdit", { name: product.name })} className="sticky top-4 hidden w-48 shrink-0 self-start xl:block">
          <ul className="flex flex-col gap-0.5 text-sm">
            {SECTIONS.map((section) => (
              <li key={section}>
                <a href={`#${section}`} className="block rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                  {t(`sections.${section}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex max-w-5xl min-w-0 flex-1 flex-col gap-5">
          <ProductEditorForm action={saveProductAction} product={product} references={references} />
          <Section id="form" title={t("sections.form")}>
            <FormFieldsEditor
              productId={product.id}
              fields={usingDefault ? defaultFields : product.formFields}
              usingDefault={usingDefault}
              defaultFields={defaultFields}
              defaultKeys={DEFAULT_FIELD_KEYS}
              maxCustom={MAX_CUSTOM_FIELDS}
              action={saveFormFieldsAction}
            />
          </Section>
          <Section id="emails" title={t("sections.emails")}>
            <EmailTextsForm productId={product.id} templates={CHECKOUT_MAIL_TEMPLATES} locales={LOCALES} texts={product.emailTexts} action={saveEmailTextsAction} />
          </Section>
          <Section id="pins" title={t("sections.pins")}>
            {product.type !== "DIGITAL" ? <p className="mb-3 text-xs text-slate-500">{tProducts("pins.digitalOnly")}</p> : null}
            <PinCodesForm productId={product.id} summary={pins} action={addPinCodesAction} />
          </Section>
          <Section id="files" title={t("sections.files")}>
            <DigitalFilesSection productId={product.id} files={files} maxBytes={getEnv().FILE_MAX_BYTES} isDigital={product.type === "DIGITAL"} />
          </Section>
        </div>
      </div>
    </ProductsMessages>
  );
}
