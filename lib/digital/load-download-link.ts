// What a download link (`/order/download/<token>`) opens: the token is the only authorisation, so
// it is checked here once for the page and the file route alike — well-formed, known by its
// hash, of the DOWNLOAD purpose — and the order must still be paid and confirmed (a refunded or
// cancelled order's link stops working). The files are those of the order's digital products
// as they are now, so a file the shop replaces reaches buyers who have not downloaded yet.
import { db } from "@/lib/db";
import type { OrderStatus, PaymentStatus } from "@/lib/db/generated/enums";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { isConfirmedStatus } from "@/lib/orders/transitions";
import { hashLinkToken, isLinkTokenExpired, isWellFormedLinkToken } from "@/lib/tokens/link-token";
import { downloadLimitOf } from "./download-rules";

export type DownloadLinkState = "VALID" | "EXPIRED" | "USED_UP" | "REVOKED";

export interface DownloadLinkFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: bigint;
  storageKey: string;
}

export interface DownloadLink {
  id: string;
  state: DownloadLinkState;
  expiresAt: Date;
  useCount: number;
  limit: number;
  order: { id: string; number: number; locale: Locale; status: OrderStatus; paymentStatus: PaymentStatus };
  files: DownloadLinkFile[];
  pinCodes: { productName: string; codes: string[] }[];
}

/** The link of a raw token, or null when the token is malformed, unknown or not a download link. */
export async function loadDownloadLink(rawToken: string, now: Date = new Date()): Promise<DownloadLink | null> {
  if (!isWellFormedLinkToken(rawToken)) return null;
  const link = await db.linkToken.findUnique({
    where: { tokenHash: hashLinkToken(rawToken) },
    select: {
      id: true,
      purpose: true,
      expiresAt: true,
      useCount: true,
      order: { select: { id: true, number: true, locale: true, status: true, paymentStatus: true } },
    },
  });
  if (!link || link.purpose !== "DOWNLOAD" || !link.order) return null;
  const order = link.order;

  const [items, pinCodes] = await Promise.all([
    db.orderItem.findMany({ where: { orderId: order.id, product: { type: "DIGITAL" } }, select: { productId: true }, orderBy: { createdAt: "asc" } }),
    db.pinCode.findMany({
      where: { orderId: order.id },
      select: { code: true, product: { select: { name: true } } },
      orderBy: [{ assignedAt: "asc" }, { code: "asc" }],
    }),
  ]);
  const productIds = [...new Set(items.map((item) => item.productId))];
  const fileRows = await db.digitalFile.findMany({
    where: { productId: { in: productIds } },
    select: { id: true, productId: true, fileName: true, contentType: true, sizeBytes: true, storageKey: true, position: true, createdAt: true },
  });
  // Product by product in the order's own order, then each product's file order.
  const files = fileRows
    .sort((a, b) => productIds.indexOf(a.productId) - productIds.indexOf(b.productId) || a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime())
    .map(({ id, fileName, contentType, sizeBytes, storageKey }) => ({ id, fileName, contentType, sizeBytes, storageKey }));

  const limit = downloadLimitOf(files.length);
  const state: DownloadLinkState =
    order.paymentStatus !== "PAID" || !isConfirmedStatus(order.status)
      ? "REVOKED"
      : isLinkTokenExpired(link.expiresAt, now)
        ? "EXPIRED"
        : files.length > 0 && link.useCount >= limit
          ? "USED_UP"
          : "VALID";

  return {
    id: link.id,
    state,
    expiresAt: link.expiresAt,
    useCount: link.useCount,
    limit,
    order: { ...order, locale: isLocale(order.locale) ? order.locale : "ru" },
    files,
    pinCodes: groupCodes(pinCodes),
  };
}

function groupCodes(rows: { code: string; product: { name: string } }[]) {
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(row.product.name, [...(groups.get(row.product.name) ?? []), row.code]);
  return [...groups].map(([productName, codes]) => ({ productName, codes }));
}
