// Merge 2–10 customer cards: every field side by side with the value the survivor would keep
// (the only non-empty one, else the main card's, unless another is chosen), what each card brings
// along, then the merge (one transaction; the merged cards redirect to the survivor).
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { MergeForm } from "@/components/crm/merge/merge-form";
import { panel, secondaryButton } from "@/components/ui/styles";
import { getMergePreview, type MergePreview } from "@/lib/crm/merge/get-merge-preview";
import { MERGE_FIELDS, MergeError, type MergeCard, type MergeField } from "@/lib/crm/merge/plan-merge";
import { formatDateTime } from "@/lib/format-date";
import { clientMessages } from "@/lib/i18n/client-messages";
import { mergeCustomersAction } from "./actions";
import { requireCrmPage } from "../../crm-page-guard";

type SearchParams = Record<string, string | string[] | undefined>;
const list = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat()).slice(0, 50).map((item) => item.slice(0, 100));

const COUNT_KEYS = ["interactions", "tasks", "deals", "contactPersons", "phones", "emails", "addresses"] as const;

export default async function MergePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireCrmPage("customers", "/admin/customers/merge", "mergeCustomers");
  const t = await getTranslations("crmMerge");
  const query = await searchParams;
  const ids = list(query.ids);
  const main = list(query.main)[0] ?? ids[0] ?? "";
  const picks: Partial<Record<MergeField, string>> = Object.fromEntries(
    MERGE_FIELDS.flatMap((field) =>
      list(query[`pick_${field}`])
        .filter(Boolean)
        .slice(0, 1)
        .map((value) => [field, value] as const),
    ),
  );

  let preview: MergePreview | null = null;
  let problem: string | null = null;
  try {
    preview = await getMergePreview({ customerIds: ids, mainId: main, picks }, { id: staff.id, role: staff.role });
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    problem = t(`errors.${error.problem}`);
  }
  const messages = await clientMessages(["crmMerge"]);

  const header = (
    <PageHeader title={t("merge.title")}>
      <Link href="/admin/customers/duplicates" className={secondaryButton}>
        {t("merge.back")}
      </Link>
    </PageHeader>
  );
  if (!preview) {
    return (
      <>
        {header}
        <p role="alert" className={`${panel} p-5 text-sm text-red-800`} data-testid="merge-problem">
          {problem} {t("merge.choose")}
        </p>
      </>
    );
  }

  const { cards, plan } = preview;
  const shown = (card: MergeCard, field: MergeField): string | null => {
    if (field === "type") return t(`types.${card.type}`);
    const value = card[field];
    return value == null || String(value).trim() === "" ? null : String(value);
  };
  const resultCard = (field: MergeField) => cards.find((card) => card.id === plan.fields[field].from);

  return (
    <>
      {header}
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("merge.hint")}</p>
      <NextIntlClientProvider messages={messages}>
        <MergeForm action={mergeCustomersAction} count={cards.length}>
          {cards.map((card) => (
            <input key={card.id} type="hidden" name="ids" value={card.id} />
          ))}
          <div className={`${panel} overflow-x-auto`}>
            <table className="w-full text-sm" data-testid="merge-table">
              <thead className="bg-slate-50 text-left align-top text-slate-600">
                <tr>
                  <th className="px-4 py-2 font-medium">{t("merge.field")}</th>
                  {cards.map((card) => (
                    <th key={card.id} className="px-3 py-2 font-medium">
                      <label className="flex items-center gap-2">
                        <input type="radio" name="main" value={card.id} defaultChecked={card.id === plan.mainId} data-testid={`merge-main-${card.id}`} />
                        {t("merge.main")}
                      </label>
                      <Link href={`/admin/customers/${card.id}`} className="text-xs font-normal text-brand-700 hover:underline">
                        {t("merge.openCard")} · {formatDateTime(card.createdAt)}
                      </Link>
                    </th>
                  ))}
                  <th className="bg-emerald-50 px-3 py-2 font-medium text-emerald-900">{t("merge.result")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {MERGE_FIELDS.map((field) => {
                  const entry = plan.fields[field];
                  const result = resultCard(field);
                  const choosable = entry.options.length > 1;
                  return (
                    <tr key={field} data-field={field}>
                      <th scope="row" className="px-4 py-2 text-left font-medium text-slate-700">
                        {t(`fields.${field}`)}
                      </th>
                      {cards.map((card) => {
                        const value = shown(card, field);
                        return (
                          <td key={card.id} className="px-3 py-2">
                            {value !== null && choosable ? (
                              <label className="flex items-start gap-2">
                                <input type="radio" name={`pick_${field}`} value={card.id} defaultChecked={picks[field] === card.id} />
                                <span className="break-words">{value}</span>
                              </label>
                            ) : (
                              <span className={value === null ? "text-slate-500" : ""}>{value ?? t("merge.empty")}</span>
                            )}
                          </td>
                        );
                      })}
                      <td className="bg-emerald-50/50 px-3 py-2">
                        <span className="break-words" data-testid={`merge-result-${field}`}>
                          {(result && shown(result, field)) ?? t("merge.empty")}
                        </span>
                        <span className="block text-xs text-slate-500">{t(`merge.rules.${entry.rule}`)}</span>
                        {choosable ? (
                          // No choice: the rule decides, so a change of the main card changes the value.
                          <label className="mt-1 flex items-center gap-1 text-xs text-slate-600">
                            <input type="radio" name={`pick_${field}`} value="" defaultChecked={!picks[field]} />
                            {t("merge.auto")}
                          </label>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
                <tr>
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-700">
                    {t("merge.tags")}
                  </th>
                  {cards.map((card) => (
                    <td key={card.id} className="px-3 py-2">
                      {card.tags.join(", ") || t("merge.empty")}
                    </td>
                  ))}
                  <td className="bg-emerald-50/50 px-3 py-2">{plan.values.tags.join(", ") || t("merge.empty")}</td>
                </tr>
                <tr className="bg-slate-50">
                  <th scope="row" colSpan={cards.length + 2} className="px-4 py-2 text-left font-medium text-slate-600">
                    {t("merge.moves")}
                  </th>
                </tr>
                <tr>
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-700">
                    {t("merge.counts.orders")}
                  </th>
                  {cards.map((card) => (
                    <td key={card.id} className="px-3 py-2 tabular-nums">
                      {card.ordersCount}
                    </td>
                  ))}
                  <td className="bg-emerald-50/50 px-3 py-2 tabular-nums">{cards.reduce((sum, card) => sum + card.ordersCount, 0)}</td>
                </tr>
                {COUNT_KEYS.map((key) => (
                  <tr key={key}>
                    <th scope="row" className="px-4 py-2 text-left font-medium text-slate-700">
                      {t(`merge.counts.${key}`)}
                    </th>
                    {cards.map((card) => (
                      <td key={card.id} className="px-3 py-2 tabular-nums">
                        {card.counts[key]}
                      </td>
                    ))}
                    <td className="bg-emerald-50/50 px-3 py-2" />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </MergeForm>
      </NextIntlClientProvider>
    </>
  );
}
