// One file download through a download link: checks the link (loadDownloadLink), that the file
// belongs to the link's order and is in the store, then counts the download — one conditional
// UPDATE, so concurrent downloads can never pass the limit — and opens the file as a stream.
// A download is counted only when the bytes are about to be sent.
import type { Readable } from "node:stream";
import { db } from "@/lib/db";
import { getFileStore, type FileStore } from "@/lib/files/file-store";
import type { Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { loadDownloadLink } from "./load-download-link";

export type DownloadRefusal = "INVALID" | "NOT_FOUND" | "EXPIRED" | "USED_UP" | "REVOKED";

export type DownloadOutcome = { ok: true; fileName: string; contentType: string; sizeBytes: number; stream: Readable } | { ok: false; reason: DownloadRefusal; locale?: Locale };

const FILE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export async function openDownload(rawToken: string, fileId: string, options: { store?: FileStore } = {}): Promise<DownloadOutcome> {
  const link = await loadDownloadLink(rawToken);
  if (!link) return { ok: false, reason: "INVALID" };
  const locale = link.order.locale;
  if (link.state !== "VALID") return { ok: false, reason: link.state, locale };
  const file = FILE_ID_PATTERN.test(fileId) ? link.files.find((candidate) => candidate.id === fileId) : undefined;
  if (!file) return { ok: false, reason: "NOT_FOUND", locale };

  const store = options.store ?? getFileStore();
  if ((await store.size(file.storageKey)) === null) {
    logger.error({ fileId: file.id, orderId: link.order.id }, "digital file missing from the file store");
    return { ok: false, reason: "NOT_FOUND", locale };
  }

  const counted = await db.$executeRaw`
    UPDATE "LinkToken" SET "useCount" = "useCount" + 1, "usedAt" = COALESCE("usedAt", now())
    WHERE id = ${link.id} AND "useCount" < ${link.limit}::int AND "expiresAt" > now()`;
  if (counted === 0) {
    // Another download took the last use meanwhile, or the link expired this very moment.
    return { ok: false, reason: link.expiresAt.getTime() <= Date.now() ? "EXPIRED" : "USED_UP", locale };
  }
  const opened = await store.open(file.storageKey);
  return { ok: true, fileName: file.fileName, contentType: file.contentType, sizeBytes: opened.sizeBytes, stream: opened.stream };
}
