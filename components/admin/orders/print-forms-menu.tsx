// "Print forms" on an order's page: each Russian Post form of this order as a PDF download from
// /api/admin/logistics/forms (which checks the role and lists what an order lacks).
import { getTranslations } from "next-intl/server";
import { secondaryButton } from "@/components/ui/styles";

const CHOICES = [
  { key: "f7p", forms: "f7p" },
  { key: "f112ep", forms: "f112ep", codOnly: true },
  { key: "f116", forms: "f116" },
  { key: "f103", forms: "f103" },
  { key: "all", forms: "f7p,f112ep,f116", codOnly: true },
] as const;

export async function PrintFormsMenu({ orderId, isCod }: { orderId: string; isCod: boolean }) {
  const t = await getTranslations("logisticsForms");
  return (
    <details className="relative" data-testid="print-forms">
      <summary className={`${secondaryButton} cursor-pointer list-none`}>{t("printForms")}</summary>
      <ul className="absolute right-0 z-10 mt-1 w-72 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
        {CHOICES.filter((choice) => isCod || !("codOnly" in choice)).map((choice) => (
          <li key={choice.key}>
            <a
              href={`/api/admin/logistics/forms?orders=${encodeURIComponent(orderId)}&forms=${choice.forms}`}
              className="block px-3 py-2 hover:bg-slate-50"
              data-testid={`print-${choice.key}`}
              download
            >
              {t(`forms.${choice.key}`)}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
