"use client";
// Uploads the CSV as the request body (streamed to the file store by the route, no multipart),
// with the encoding and delimiter the user chose or "detect"; then opens the mapping step.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, primaryButton } from "@/components/ui/styles";
import { IMPORT_ENCODINGS } from "@/lib/crm/import/import-fields";
import { DELIMITER_NAMES } from "./import-format";

interface UploadError {
  error?: { code?: string; problem?: string; line?: number | null };
}

export function ImportUploadForm() {
  const t = useTranslations("crmImport");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || !file.name) {
      setMessage(t("upload.chooseFile"));
      return;
    }
    setPending(true);
    setMessage(null);
    try {
      const query = new URLSearchParams();
      for (const name of ["encoding", "delimiter"]) {
        const value = form.get(name);
        if (typeof value === "string" && value) query.set(name, value);
      }
      const response = await fetch(`/api/admin/customers/imports?${query}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": "text/csv", "X-File-Name": encodeURIComponent(file.name) },
      });
      const body = (await response.json().catch(() => ({}))) as UploadError & { id?: string };
      if (response.status === 201 && body.id) {
        router.push(`/admin/customers/import/${body.id}`);
        return;
      }
      const { problem, line, code } = body.error ?? {};
      if (problem === "brokenCsv" && line) setMessage(t("errors.brokenCsvLine", { line }));
      else if (problem && t.has(`errors.${problem}` as never)) setMessage(t(`errors.${problem}` as never));
      else if (code && t.has(`errors.${code}` as never)) setMessage(t(`errors.${code}` as never));
      else setMessage(t("errors.uploadFailed"));
    } catch {
      setMessage(t("errors.uploadFailed"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={upload} className="grid gap-4" data-testid="import-upload-form">
      <label className="grid gap-1 text-sm">
        <span className="font-medium text-slate-700">{t("upload.file")}</span>
        <input type="file" name="file" accept=".csv,.txt,text/csv,text/plain" required className="text-sm" data-testid="import-file" />
      </label>
      <div className="flex flex-wrap gap-4">
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">{t("upload.encoding")}</span>
          <select name="encoding" className={control} defaultValue="">
            <option value="">{t("upload.auto")}</option>
            {IMPORT_ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>
                {t(`encodings.${encoding}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium text-slate-700">{t("upload.delimiter")}</span>
          <select name="delimiter" className={control} defaultValue="">
            <option value="">{t("upload.auto")}</option>
            {Object.entries(DELIMITER_NAMES).map(([delimiter, name]) => (
              <option key={name} value={name === "tab" ? "tab" : delimiter}>
                {t(`delimiters.${name}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormMessage state={message ? { status: "error", message } : { status: "idle" }} testId="import-upload-message" />
      <div>
        <button type="submit" className={primaryButton} disabled={pending} data-testid="import-upload-submit">
          {pending ? t("upload.uploading") : t("upload.submit")}
        </button>
      </div>
    </form>
  );
}
