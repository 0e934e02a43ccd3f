// The filters of the deals views as a GET form: every filter lives in the URL (bookmarkable),
// the view and the pipeline are kept.
import Link from "next/link";
import { control, secondaryButton } from "@/components/ui/styles";
import type { TDealFilters } from "@/lib/crm/deals/deal-filters";

interface Props {
  view: "board" | "table";
  pipelineId: string;
  filters: TDealFilters;
  stages: { id: string; name: string }[];
  employees: { id: string; name: string }[];
  customerName?: string | null;
  labels: Record<"label" | "open" | "stage" | "anyStage" | "responsible" | "anyone" | "tag" | "search" | "searchPlaceholder" | "apply" | "reset" | "customer", string>;
}

export function DealFiltersForm({ view, pipelineId, filters, stages, employees, customerName, labels }: Props) {
  return (
    <form method="get" action="/admin/deals" aria-label={labels.label} className="mb-4 flex flex-wrap items-end gap-2 print:hidden" data-testid="deal-filters">
      {view === "table" ? <input type="hidden" name="view" value="table" /> : null}
      <input type="hidden" name="pipelineId" value={pipelineId} />
      {filters.customerId ? <input type="hidden" name="customerId" value={filters.customerId} /> : null}
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {labels.search}
        <input name="q" type="search" defaultValue={filters.q ?? ""} placeholder={labels.searchPlaceholder} maxLength={100} className={`${control} w-64`} />
      </label>
      {view === "table" ? (
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {labels.stage}
          <select name="stageId" defaultValue={filters.stageId ?? ""} className={control}>
            <option value="">{labels.anyStage}</option>
            {stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {labels.responsible}
        <select name="responsibleId" defaultValue={filters.responsibleId ?? ""} className={control}>
          <option value="">{labels.anyone}</option>
          {employees.map((employee) => (
            <option key={employee.id} value={employee.id}>
              {employee.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {labels.tag}
        <input name="tag" defaultValue={filters.tag ?? ""} maxLength={40} className={`${control} w-32`} />
      </label>
      {view === "table" ? (
        <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="open" value="1" defaultChecked={filters.open} />
          {labels.open}
        </label>
      ) : null}
      {customerName ? (
        <span className="flex h-9 items-center rounded-full bg-slate-100 px-3 text-sm text-slate-700">
          {labels.customer}: {customerName}
        </span>
      ) : null}
      <button type="submit" className={secondaryButton}>
        {labels.apply}
      </button>
      <Link
        href={`/admin/deals?pipelineId=${encodeURIComponent(pipelineId)}${view === "table" ? "&view=table" : ""}`}
        className="flex h-9 items-center px-2 text-sm text-slate-600 hover:underline"
      >
        {labels.reset}
      </Link>
    </form>
  );
}
