// /admin/deals/pipelines — configure the pipelines and their stages (the configureCrm ability).
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { PipelineSettings } from "@/components/crm/deals/pipeline-settings";
import { listPipelines } from "@/lib/crm/deals/list-pipelines";
import { clientMessages } from "@/lib/i18n/client-messages";
import {
  addStageAction,
  createPipelineAction,
  deletePipelineAction,
  deleteStageAction,
  renamePipelineAction,
  reorderPipelinesAction,
  reorderStagesAction,
  updateStageAction,
} from "../actions";
import { requireDealsPage } from "../deals-page-guard";

export default async function PipelinesPage() {
  const actor = await requireDealsPage("/admin/deals/pipelines", "configureCrm");
  const [t, pipelines] = await Promise.all([getTranslations("crmDeals.pipelines"), listPipelines(actor)]);
  return (
    <>
      <PageHeader title={t("title")}>
        <Link href="/admin/deals" className="text-sm text-slate-600 hover:underline">
          {t("back")}
        </Link>
      </PageHeader>
      <p className="mb-6 max-w-3xl text-sm text-slate-600">{t("hint")}</p>
      <NextIntlClientProvider messages={await clientMessages(["crmDeals"])}>
        <PipelineSettings
          pipelines={pipelines}
          actions={{
            create: createPipelineAction,
            rename: renamePipelineAction,
            remove: deletePipelineAction,
            reorder: reorderPipelinesAction,
            addStage: addStageAction,
            updateStage: updateStageAction,
            deleteStage: deleteStageAction,
            reorderStages: reorderStagesAction,
          }}
        />
      </NextIntlClientProvider>
    </>
  );
}
