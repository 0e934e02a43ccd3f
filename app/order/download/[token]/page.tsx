// The download page of a digital purchase (/order/download/<token>), linked from the "your
// purchase" mail: the order's files (each through the counting download route) and its pin
// codes. Opening the page counts nothing. A forged or unknown token is the 404 page; an
// expired, used-up or revoked link says so plainly (codes stay visible when only the download
// budget is spent: they are the buyer's).
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ShopShell } from "@/components/checkout/shop-shell";
import { StatusIcon } from "@/components/checkout/status-icon";
import { downloadFilePath } from "@/lib/digital/download-rules";
import { loadDownloadLink } from "@/lib/digital/load-download-link";
import { formatFileSize } from "@/lib/files/format-file-size";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("digitalDownload");
  return { title: t("metaTitle") };
}

export default async function DownloadPage({ params }: Props) {
  const { token } = await params;
  const link = await loadDownloadLink(token);
  if (!link) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("digitalDownload"), getFormatter(), getLocale()]);
  const number = link.order.number;

  if (link.state === "EXPIRED" || link.state === "REVOKED") {
    return (
      <ShopShell width="narrow">
        <div className="flex flex-col items-center gap-4 pt-2 text-center" data-testid="download-state" data-state={link.state}>
          <StatusIcon kind={link.state === "EXPIRED" ? "warning" : "error"} />
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t(`${link.state}.title`)}</h1>
          <p className="max-w-lg text-slate-600">{t(`${link.state}.text`, { number })}</p>
        </div>
      </ShopShell>
    );
  }

  const usedUp = link.state === "USED_UP";
  const nothing = link.files.length === 0 && link.pinCodes.length === 0;
  return (
    <ShopShell width="narrow">
      <div className="flex flex-col gap-6" data-testid="download-state" data-state={link.state}>
        <div className="flex flex-col items-center gap-3 text-center">
          <StatusIcon kind={usedUp ? "warning" : "success"} />
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{usedUp ? t("USED_UP.title") : t("title", { number })}</h1>
          <p className="max-w-lg text-slate-600">{usedUp ? t("USED_UP.text", { number, limit: link.limit }) : nothing ? t("nothing") : t("intro")}</p>
        </div>

        {link.files.length ? (
          <section className="card" aria-labelledby="download-files">
            <h2 id="download-files" className="mb-3 text-lg font-semibold">
              {t("files")}
            </h2>
            <ul className="flex flex-col divide-y divide-slate-100" data-testid="download-files">
              {link.files.map((file) => (
                <li key={file.id} className="flex items-center justify-between gap-4 py-2">
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{file.fileName}</span>
                    <span className="text-xs text-slate-500 tabular-nums">{formatFileSize(file.sizeBytes, locale)}</span>
                  </span>
                  {usedUp ? null : (
                    <a href={downloadFilePath(token, file.id)} className="btn shrink-0" download={file.fileName} rel="nofollow noreferrer">
                      {t("download")}
                    </a>
                  )}
                </li>
              ))}
            </ul>
            {usedUp ? null : (
              <p className="mt-3 text-xs text-slate-500" data-testid="downloads-left">
                {t("downloadsLeft", { left: Math.max(link.limit - link.useCount, 0), limit: link.limit })} ·{" "}
                {t("expiresAt", { date: format.dateTime(link.expiresAt, { dateStyle: "long", timeStyle: "short" }) })}
              </p>
            )}
          </section>
        ) : null}

        {link.pinCodes.length ? (
          <section className="card" aria-labelledby="download-codes">
            <h2 id="download-codes" className="mb-3 text-lg font-semibold">
              {t("pinCodes")}
            </h2>
            {link.pinCodes.map((group) => (
              <div key={group.productName} className="mb-3 last:mb-0">
                <p className="mb-1 text-sm text-slate-600">{group.productName}</p>
                <ul className="flex flex-col gap-1" data-testid="download-codes">
                  {group.codes.map((code) => (
                    <li key={code}>
                      <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm select-all">{code}</code>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ) : null}

        <p className="text-center text-xs text-slate-500">{t("keepPrivate")}</p>
      </div>
    </ShopShell>
  );
}
