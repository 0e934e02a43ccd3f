"use client";
// The product editor's download files: upload (streamed as the raw request body to the route
// handler, with a progress bar — Server Actions cap bodies at 1 MB), the list with name, type
// and size, delete. The server checks the role and every limit; the size check here only saves
// a doomed upload.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, primaryButton, secondaryButton } from "@/components/ui/styles";
import { formatFileSize } from "@/lib/files/format-file-size";
import type { DigitalFileRow } from "@/lib/products/list-digital-files";

interface Props {
  productId: string;
  files: DigitalFileRow[];
  maxBytes: number;
  isDigital: boolean;
}

type Status = { status: "idle" | "success" | "error"; message?: string };

interface ErrorBody {
  error?: { code?: string; fieldErrors?: Record<string, string[]> };
}

const KNOWN_CODES = ["NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN"] as const;

export function DigitalFilesSection({ productId, files, maxBytes, isDigital }: Props) {
  const t = useTranslations("products.files");
  const tRoot = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [state, setState] = useState<Status>({ status: "idle" });
  const [deleting, setDeleting] = useState<string | null>(null);
  const max = formatFileSize(maxBytes, locale);
  const base = `/api/admin/products/${encodeURIComponent(productId)}/files`;

  function errorMessage(status: number, body: ErrorBody | null): string {
    if (status === 413) return t("errors.tooLarge", { max });
    const code = body?.error?.code;
    const key = body?.error?.fieldErrors?.file?.[0];
    if (key?.startsWith("products.") && tRoot.has(key)) return key === "products.files.errors.tooLarge" ? t("errors.tooLarge", { max }) : tRoot(key);
    if (code && (KNOWN_CODES as readonly string[]).includes(code)) return tRoot(`products.errors.${code as (typeof KNOWN_CODES)[number]}`);
    return t("errors.failed");
  }

  function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ status: "error", message: t("errors.empty") });
    if (file.size > maxBytes) return setState({ status: "error", message: t("errors.tooLarge", { max }) });
    if (file.size === 0) return setState({ status: "error", message: t("errors.empty") });
    // XMLHttpRequest, not fetch: only it reports upload progress.
    const request = new XMLHttpRequest();
    request.open("POST", base);
    request.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    request.upload.onprogress = (progressEvent) => {
      if (progressEvent.lengthComputable) setProgress(Math.round((progressEvent.loaded / progressEvent.total) * 100));
    };
    request.onload = () => {
      setProgress(null);
      if (request.status === 201) {
        setState({ status: "success", message: t("uploaded", { name: file.name }) });
        if (input.current) input.current.value = "";
        router.refresh();
        return;
      }
      let body: ErrorBody | null = null;
      try {
        body = JSON.parse(request.responseText) as ErrorBody;
      } catch {
        body = null;
      }
      setState({ status: "error", message: errorMessage(request.status, body) });
    };
    request.onerror = () => {
      setProgress(null);
      setState({ status: "error", message: t("errors.failed") });
    };
    setState({ status: "idle" });
    setProgress(0);
    request.send(file);
  }

  async function remove(file: DigitalFileRow) {
    if (!window.confirm(t("deleteConfirm", { name: file.fileName }))) return;
    setDeleting(file.id);
    try {
      const response = await fetch(`${base}/${encodeURIComponent(file.id)}`, { method: "DELETE" });
      if (response.status === 204) {
        setState({ status: "success", message: t("deleted") });
        router.refresh();
      } else {
        setState({ status: "error", message: errorMessage(response.status, (await response.json().catch(() => null)) as ErrorBody | null) });
      }
    } catch {
      setState({ status: "error", message: t("errors.failed") });
    } finally {
      setDeleting(null);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {!isDigital ? <p className="text-xs text-slate-500">{t("digitalOnly")}</p> : null}
      <p className="text-sm text-slate-600">{t("hint", { max })}</p>
      <p className="text-sm" data-testid="digital-files-count" data-count={files.length}>
        {t("count", { count: files.length })}
      </p>
      {files.length ? (
        <table className="table" data-testid="digital-files">
          <thead>
            <tr>
              <th>{t("name")}</th>
              <th>{t("type")}</th>
              <th className="text-right">{t("sizeColumn")}</th>
              <th>
                <span className="sr-only">{t("delete")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={file.id} data-testid="digital-file">
                <td className="font-medium break-all">{file.fileName}</td>
                <td className="text-slate-500">{file.contentType}</td>
                <td className="text-right text-slate-500 tabular-nums">{formatFileSize(file.sizeBytes, locale)}</td>
                <td className="text-right">
                  <button type="button" className={`${secondaryButton} h-8`} onClick={() => void remove(file)} disabled={deleting === file.id}>
                    {t("delete")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-500">{t("none")}</p>
      )}
      <form onSubmit={upload} className="flex flex-col gap-2">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("choose")}
          <input ref={input} type="file" name="file" className={`${control} h-auto py-1.5`} disabled={progress !== null} />
        </label>
        {progress !== null ? (
          <div className="flex items-center gap-3 text-sm text-slate-600" role="status">
            <progress value={progress} max={100} className="h-2 w-48" />
            {t("uploading", { percent: progress })}
          </div>
        ) : null}
        <FormMessage state={state} testId="digital-files-result" />
        <button type="submit" className={`${primaryButton} self-start`} disabled={progress !== null}>
          {t("upload")}
        </button>
      </form>
    </div>
  );
}
