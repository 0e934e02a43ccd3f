// What the admin order page shows about an order's digital goods: whether they were delivered,
// the download links (expiry and downloads used — never the tokens, which are not stored), and
// the pin codes given to the order. Null for an order without digital items.
import { db } from "@/lib/db";
import { isLinkTokenExpired } from "@/lib/tokens/link-token";
import { downloadLimitOf } from "./download-rules";

export interface OrderDigitalDelivery {
  delivered: boolean;
  links: { id: string; createdAt: Date; expiresAt: Date; expired: boolean; useCount: number; limit: number }[];
  codes: { productName: string; code: string; assignedAt: Date | null }[];
  fileCount: number;
}

export async function getOrderDigitalDelivery(orderId: string): Promise<OrderDigitalDelivery | null> {
  const items = await db.orderItem.findMany({ where: { orderId, product: { type: "DIGITAL" } }, select: { productId: true } });
  if (items.length === 0) return null;
  const [links, codes, fileCount] = await Promise.all([
    db.linkToken.findMany({ where: { orderId, purpose: "DOWNLOAD" }, select: { id: true, createdAt: true, expiresAt: true, useCount: true }, orderBy: { createdAt: "asc" } }),
    db.pinCode.findMany({ where: { orderId }, select: { code: true, assignedAt: true, product: { select: { name: true } } }, orderBy: [{ assignedAt: "asc" }, { code: "asc" }] }),
    db.digitalFile.count({ where: { productId: { in: [...new Set(items.map((item) => item.productId))] } } }),
  ]);
  const limit = downloadLimitOf(fileCount);
  return {
    delivered: links.length > 0,
    links: links.map((link) => ({ ...link, expired: isLinkTokenExpired(link.expiresAt), limit })),
    codes: codes.map((row) => ({ productName: row.product.name, code: row.code, assignedAt: row.assignedAt })),
    fileCount,
  };
}
