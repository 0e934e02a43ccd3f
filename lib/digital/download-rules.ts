// The rules of a digital purchase's download link, in one place (the delivery, the download page
// and the download route all read them).
//
// One DOWNLOAD token per order covers all of its files, so its use limit is a budget shared by
// them: DOWNLOADS_PER_FILE for each file of the order (a buyer may spend it unevenly — two
// files give 20 downloads, whichever file they are). That needs no per-file counter, and it is
// what matters: a link that leaked cannot serve the files to the whole internet.

/** The link works for 30 days from delivery. */
export const DOWNLOAD_LINK_TTL_HOURS = 30 * 24;

/** Downloads allowed per file of the order. */
export const DOWNLOADS_PER_FILE = 10;

/** Total downloads one order's link allows, for `fileCount` files. */
export function downloadLimitOf(fileCount: number): number {
  return DOWNLOADS_PER_FILE * Math.max(fileCount, 0);
}

/** Path of the download page of a raw token. */
export const downloadPagePath = (token: string) => `/order/download/${token}`;

/** Path of one file on the download page. */
export const downloadFilePath = (token: string, fileId: string) => `/order/download/${token}/files/${encodeURIComponent(fileId)}`;
