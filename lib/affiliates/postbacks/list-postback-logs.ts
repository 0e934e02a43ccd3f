// One partner's postback log, newest first, in keyset pages (the cabinet's /partner/postbacks and
// the owner's partner page). Always scoped by the partner id the caller authorised: a partner
// passes their session's id, never one from the request. Rows are plain data (ISO strings, ids as
// text) ready for client components.
import { z } from "zod";
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";

export const POSTBACK_LOG_PAGE_SIZE = 25;

export const ZListPostbackLogsQuery = z.object({
  /** The id of the last row of the previous page; anything else (an edited URL) starts over. */
  after: z
    .string()
    .trim()
    // 19 digits can still overflow a bigint column: such a cursor cannot come from a page.
    .refine((value) => /^[1-9]\d{0,18}$/.test(value) && BigInt(value) <= 9223372036854775807n)
    .optional()
    .catch(undefined),
});

export interface PostbackLogRow {
  /** The PostbackLog id as text (a bigint). */
  id: string;
  orderId: string | null;
  orderNumber: string | null;
  event: string;
  orderStatus: OrderStatus | null;
  url: string;
  statusCode: number | null;
  responseTimeMs: number | null;
  responseExcerpt: string | null;
  error: string | null;
  attempt: number;
  isReplay: boolean;
  createdAt: string;
}

export interface PostbackLogPage {
  rows: PostbackLogRow[];
  /** Pass as `after` for the next page; null on the last one. */
  nextAfter: string | null;
}

export async function listPostbackLogs(partnerId: string, query: unknown = {}, pageSize = POSTBACK_LOG_PAGE_SIZE): Promise<PostbackLogPage> {
  const { after } = ZListPostbackLogsQuery.parse(query ?? {});
  const rows = await db.postbackLog.findMany({
    // Ids grow with time, so "older than the cursor" is a plain id comparison on the partner's index.
    where: { partnerId, ...(after ? { id: { lt: BigInt(after) } } : {}) },
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: {
      id: true,
      orderId: true,
      order: { select: { number: true } },
      event: true,
      orderStatus: true,
      url: true,
      statusCode: true,
      responseTimeMs: true,
      responseExcerpt: true,
      error: true,
      attempt: true,
      isReplay: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, pageSize);
  return {
    rows: page.map(({ order, ...row }) => ({ ...row, id: String(row.id), orderNumber: order ? String(order.number) : null, createdAt: row.createdAt.toISOString() })),
    nextAfter: rows.length > pageSize ? String(page[page.length - 1]!.id) : null,
  };
}
