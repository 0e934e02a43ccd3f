// /admin/deals/new — a new deal, optionally for a customer (?customerId=, from the customer card)
// and in a pipeline (?pipelineId=, from the board).
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { DealForm } from "@/components/crm/deals/deal-form";
import { getDealFormOptions, searchDealCustomers } from "@/lib/crm/deals/deal-form-options";
import { clientMessages } from "@/lib/i18n/client-messages";
import { firstParam, type SearchParams } from "@/lib/reports/period-params";
import { createDealAction, searchDealCustomersAction } from "../actions";
import { requireDealsPage } from "../deals-page-guard";

export default async function NewDealPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireDealsPage("/admin/deals/new");
  const params = await searchParams;
  const [t, options] = await Promise.all([getTranslations("crmDeals"), getDealFormOptions(actor)]);
  const pipeline = options.pipelines.find((row) => row.id === firstParam(params.pipelineId)) ?? options.pipelines[0];
  const customerId = firstParam(params.customerId)?.slice(0, 64);
  const [customer] = customerId ? await searchDealCustomers({ id: customerId }, actor) : [];
  return (
    <>
      <PageHeader title={t("form.createTitle")}>
        <Link href="/admin/deals" className="text-sm text-slate-600 hover:underline">
          {t("card.back")}
        </Link>
      </PageHeader>
      {pipeline ? (
        <NextIntlClientProvider messages={await clientMessages(["crmDeals"])}>
          <DealForm
            mode="create"
            options={options}
            action={createDealAction}
            searchCustomers={searchDealCustomersAction}
            values={{
              title: "",
              pipelineId: pipeline.id,
              stageId: pipeline.stages[0]?.id ?? "",
              customer: customer ?? null,
              contactPersonId: customer?.contacts[0]?.id ?? "",
              responsibleId: options.employees.some((employee) => employee.id === actor.id) ? actor.id : "",
              orderNumber: "",
              budget: "",
              currency: options.currencies.includes("RUB") ? "RUB" : (options.currencies[0] ?? "RUB"),
              expectedCloseAt: "",
              probability: "",
              tags: "",
              notes: "",
            }}
          />
        </NextIntlClientProvider>
      ) : (
        <p className="card text-slate-600">{t("board.noPipeline")}</p>
      )}
    </>
  );
}
