// Customer import, steps 2–3: map the columns (format and mapping live in the URL, so the form is
// a plain GET and every change is a fresh dry run), see what the import would do, start it; then
// its progress bar (polled every second) and the problems it met.
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { DELIMITER_NAMES, delimiterOfName } from "@/components/crm/import/import-format";
import { ImportProgress } from "@/components/crm/import/import-progress";
import { StartImportForm } from "@/components/crm/import/start-import-form";
import { control, panel, primaryButton, secondaryButton, smallControl } from "@/components/ui/styles";
import { getCustomerImport } from "@/lib/crm/import/get-customer-import";
import { getImportColumns, type ImportColumns } from "@/lib/crm/import/get-import-columns";
import { IMPORT_ENCODINGS, IMPORT_FIELDS, ZImportEncoding, type ImportMapping, type ImportTarget } from "@/lib/crm/import/import-fields";
import { ImportFileError } from "@/lib/crm/import/import-file-error";
import { previewCustomerImport, type ImportPreview } from "@/lib/crm/import/preview-customer-import";
import { toAppError } from "@/lib/errors";
import { clientMessages } from "@/lib/i18n/client-messages";
import { startImportAction } from "../actions";
import { requireCrmPage } from "../../../crm-page-guard";

type SearchParams = Record<string, string | string[] | undefined>;
const last = (value: string | string[] | undefined) => (Array.isArray(value) ? value.at(-1) : value);
const TARGETS: readonly ImportTarget[] = ["skip", ...IMPORT_FIELDS];

export default async function CustomerImportStepPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const staff = await requireCrmPage("customers", `/admin/customers/import/${encodeURIComponent(id)}`, "importCustomers");
  const actor = { id: staff.id, role: staff.role };
  const t = await getTranslations("crmImport");
  const state = await getCustomerImport(id, actor).catch((error: unknown) => {
    if (toAppError(error).code === "NOT_FOUND") notFound();
    throw error;
  });
  const messages = await clientMessages(["crmImport"]);

  const header = (
    <PageHeader title={`${t("title")}: ${state.fileName}`}>
      <Link href="/admin/customers/import" className={secondaryButton}>
        {t("progress.another")}
      </Link>
    </PageHeader>
  );

  if (state.status !== "PENDING") {
    return (
      <>
        {header}
        <section className={`${panel} mb-6 grid gap-4 p-5`}>
          <h2 className="text-lg font-semibold">{t("progress.title")}</h2>
          <NextIntlClientProvider messages={messages}>
            <ImportProgress importId={state.id} initial={state} />
          </NextIntlClientProvider>
          {state.status === "DONE" ? (
            <div>
              <Link href="/admin/customers" className={primaryButton} data-testid="import-to-list">
                {t("progress.toList")}
              </Link>
            </div>
          ) : null}
        </section>
        {state.errors.length > 0 ? (
          <section className={`${panel} overflow-hidden`}>
            <h2 className="px-5 pt-4 text-lg font-semibold">{t("progress.problems")}</h2>
            <table className="mt-2 w-full text-sm" data-testid="import-problems">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th className="px-5 py-2 font-medium">{t("progress.row")}</th>
                  <th className="px-3 py-2 font-medium">{t("progress.problem")}</th>
                  <th className="px-3 py-2 font-medium">{t("progress.value")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {state.errors.map((problem, index) => (
                  <tr key={`${problem.row}-${index}`}>
                    <td className="px-5 py-2 tabular-nums">{problem.row || "—"}</td>
                    <td className="px-3 py-2">{reasonText(t, problem.reason)}</td>
                    <td className="px-3 py-2 text-slate-600">{problem.value ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </>
    );
  }

  // The format and mapping asked for in the URL, else the stored (guessed) ones.
  const query = await searchParams;
  const format = {
    encoding: ZImportEncoding.catch(state.encoding).parse(last(query.encoding) ?? state.encoding),
    delimiter: delimiterOfName(last(query.delimiter)) ?? state.delimiter,
    hasHeader: last(query.header) === undefined ? state.hasHeader : last(query.header) === "1",
  };
  let columns: ImportColumns;
  let formatError: string | null = null;
  try {
    columns = await getImportColumns({ importId: state.id, ...format }, actor);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    formatError = error.problem === "brokenCsv" && error.line ? t("errors.brokenCsvLine", { line: error.line }) : t(`errors.${error.problem}`);
    columns = await getImportColumns({ importId: state.id, encoding: state.encoding, delimiter: state.delimiter, hasHeader: state.hasHeader }, actor);
  }
  const asked = query.c === undefined ? null : [query.c].flat();
  const mapping: ImportMapping = columns.columns.map((_, column) => {
    const target = (asked ?? state.mapping ?? [])[column];
    return TARGETS.includes(target as ImportTarget) ? (target as ImportTarget) : "skip";
  });

  let preview: ImportPreview | null = null;
  let previewError: string | null = null;
  if (!formatError) {
    try {
      preview = await previewCustomerImport({ importId: state.id, mapping, encoding: columns.encoding, delimiter: columns.delimiter, hasHeader: columns.hasHeader }, actor);
    } catch (error) {
      const appError = toAppError(error);
      const key = Object.values(appError.fieldErrors ?? {})[0]?.[0];
      previewError = key?.startsWith("crmImport.") ? t(key.slice("crmImport.".length) as never) : t(`errors.${appError.code === "VALIDATION" ? "VALIDATION" : "INTERNAL"}`);
      if (appError.code === "INTERNAL") throw error;
    }
  }
  const fieldLabel = (target: ImportTarget) => t(`fields.${target}`);

  return (
    <>
      {header}
      <form method="get" className={`${panel} mb-6 grid gap-4 p-5`} data-testid="import-mapping-form">
        <h2 className="text-lg font-semibold">{t("mapping.title")}</h2>
        <p className="text-sm text-slate-600">{t("mapping.hint")}</p>
        <fieldset className="flex flex-wrap items-end gap-4">
          <legend className="sr-only">{t("mapping.format")}</legend>
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("upload.encoding")}</span>
            <select name="encoding" defaultValue={columns.encoding} className={control}>
              {IMPORT_ENCODINGS.map((encoding) => (
                <option key={encoding} value={encoding}>
                  {t(`encodings.${encoding}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("upload.delimiter")}</span>
            <select name="delimiter" defaultValue={DELIMITER_NAMES[columns.delimiter]} className={control}>
              {Object.values(DELIMITER_NAMES).map((name) => (
                <option key={name} value={name}>
                  {t(`delimiters.${name}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex h-9 items-center gap-2 text-sm">
            <input type="hidden" name="header" value="0" />
            <input type="checkbox" name="header" value="1" defaultChecked={columns.hasHeader} />
            {t("mapping.hasHeader")}
          </label>
        </fieldset>
        {formatError ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="import-format-error">
            {formatError}
          </p>
        ) : null}
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">{t("mapping.column")}</th>
                <th className="px-3 py-2 font-medium">{t("mapping.sample")}</th>
                <th className="px-3 py-2 font-medium">{t("mapping.field")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {columns.columns.map((column, index) => (
                <tr key={index}>
                  <td className="px-3 py-2 font-medium">{column.header || `#${index + 1}`}</td>
                  <td className="max-w-md truncate px-3 py-2 text-slate-600">{column.samples.filter(Boolean).join(" · ")}</td>
                  <td className="px-3 py-2">
                    <select name="c" defaultValue={mapping[index]} className={smallControl} aria-label={column.header || `#${index + 1}`} data-testid={`import-map-${index}`}>
                      {TARGETS.map((target) => (
                        <option key={target} value={target}>
                          {fieldLabel(target)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <button type="submit" className={secondaryButton} data-testid="import-apply-mapping">
            {t("mapping.apply")}
          </button>
        </div>
      </form>

      <section className={`${panel} mb-6 grid gap-4 p-5`}>
        <h2 className="text-lg font-semibold">{t("preview.title")}</h2>
        {previewError ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="import-preview-error">
            {previewError}
          </p>
        ) : preview ? (
          <>
            <p className="text-sm text-slate-600">{t("preview.hint")}</p>
            <p className="font-medium" data-testid="import-preview-totals">
              {t("preview.totals", { rows: preview.totals.rows, create: preview.totals.create, update: preview.totals.update, skip: preview.totals.skip })}
            </p>
            {preview.totals.skip > 0 ? (
              <ul className="list-disc pl-5 text-sm text-slate-700">
                {Object.entries(preview.totals.skipReasons).map(([reason, count]) => (
                  <li key={reason}>
                    {reasonText(t, reason)}: {count}
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="import-preview-rows">
                <caption className="pb-2 text-left text-slate-600">{t("preview.firstRows", { count: preview.rows.length })}</caption>
                <thead className="bg-slate-50 text-left text-slate-600">
                  <tr>
                    <th className="px-3 py-2 font-medium">{t("preview.row")}</th>
                    {mapping.map((target, index) =>
                      target === "skip" ? null : (
                        <th key={index} className="px-3 py-2 font-medium">
                          {fieldLabel(target)}
                        </th>
                      ),
                    )}
                    <th className="px-3 py-2 font-medium">{t("preview.result")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {preview.rows.map((row) => (
                    <tr key={row.row} data-action={row.action}>
                      <td className="px-3 py-2 tabular-nums">{row.row}</td>
                      {mapping.map((target, index) =>
                        target === "skip" ? null : (
                          <td key={index} className="max-w-xs truncate px-3 py-2">
                            {row.cells[index]}
                          </td>
                        ),
                      )}
                      <td className={`px-3 py-2 ${row.action === "skip" ? "text-red-700" : row.action === "create" ? "text-emerald-700" : "text-slate-800"}`}>
                        {row.action === "create" ? (
                          t("preview.create")
                        ) : row.action === "skip" ? (
                          t("preview.skip", { reason: reasonText(t, row.reason ?? "") })
                        ) : row.target?.id ? (
                          <Link href={`/admin/customers/${row.target.id}`} className="text-brand-700 hover:underline">
                            {row.target.name ? t("preview.update", { name: row.target.name }) : t("preview.updateUnnamed")}
                          </Link>
                        ) : (
                          t("preview.updateNew", { row: row.target?.fromRow ?? 0 })
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </section>

      {preview ? (
        <section className={`${panel} grid gap-3 p-5`}>
          <h2 className="text-lg font-semibold">{t("start.title")}</h2>
          <p className="text-sm text-slate-600">{t("start.hint")}</p>
          <NextIntlClientProvider messages={messages}>
            <StartImportForm
              action={startImportAction}
              fields={{
                importId: state.id,
                map: preview.mapping.join(","),
                encoding: preview.encoding,
                delimiter: DELIMITER_NAMES[preview.delimiter],
                header: preview.hasHeader ? "1" : "0",
              }}
            />
          </NextIntlClientProvider>
        </section>
      ) : null}
    </>
  );
}

function reasonText(t: Awaited<ReturnType<typeof getTranslations<"crmImport">>>, reason: string): string {
  if (t.has(`skip.${reason}` as never)) return t(`skip.${reason}` as never);
  if (t.has(`errors.${reason}` as never)) return t(`errors.${reason}` as never);
  return reason;
}
