// The owner's partner list (/admin/partners): newest first, filtered by status and a search over
// login, name and email, in keyset pages. Rows are plain data (ISO strings, no Date objects),
// ready for client components; secrets (password hash, payout details) are never selected.
import { z } from "zod";
import { escapeLike } from "@/lib/crm/customers/customer-query";
import { db, type Prisma } from "@/lib/db";
import { PartnerStatus } from "@/lib/db/generated/enums";

export const PARTNER_LIST_PAGE_SIZE = 50;

export const ZListPartnersQuery = z.object({
  status: z.enum(PartnerStatus).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
  /** The id of the last row of the previous page. */
  after: z
    .string()
    .trim()
    .max(64)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
});
export type TListPartnersQuery = z.input<typeof ZListPartnersQuery>;

export interface PartnerListRow {
  id: string;
  login: string;
  name: string;
  email: string;
  contact: string | null;
  status: PartnerStatus;
  parentLogin: string | null;
  registeredAt: string;
  emailVerifiedAt: string | null;
}

export interface PartnerListPage {
  rows: PartnerListRow[];
  /** Pass as `after` for the next page; null on the last one. */
  nextAfter: string | null;
  /** Partners per status, for the filter tabs (ignores the search). */
  counts: Record<PartnerStatus, number>;
}

export async function listPartners(query: unknown = {}): Promise<PartnerListPage> {
  const { status, q, after } = ZListPartnersQuery.parse(query);
  const where: Prisma.PartnerWhereInput = {
    ...(status ? { status } : {}),
    // Typed text literally: `contains` is LIKE, where % and _ would be wildcards.
    ...(q
      ? {
          OR: [
            { login: { contains: escapeLike(q), mode: "insensitive" } },
            { name: { contains: escapeLike(q), mode: "insensitive" } },
            { email: { contains: escapeLike(q), mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const cursorRow = after ? await db.partner.findUnique({ where: { id: after }, select: { id: true } }) : null;
  const [rows, grouped] = await Promise.all([
    db.partner.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...(cursorRow ? { cursor: { id: cursorRow.id }, skip: 1 } : {}),
      take: PARTNER_LIST_PAGE_SIZE + 1,
      select: { id: true, login: true, name: true, email: true, contact: true, status: true, createdAt: true, emailVerifiedAt: true, parent: { select: { login: true } } },
    }),
    db.partner.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const page = rows.slice(0, PARTNER_LIST_PAGE_SIZE);
  const counts = { PENDING: 0, ACTIVE: 0, BANNED: 0 } satisfies Record<PartnerStatus, number>;
  for (const group of grouped) counts[group.status] = group._count._all;
  return {
    rows: page.map((row) => ({
      id: row.id,
      login: row.login,
      name: row.name,
      email: row.email,
      contact: row.contact,
      status: row.status,
      parentLogin: row.parent?.login ?? null,
      registeredAt: row.createdAt.toISOString(),
      emailVerifiedAt: row.emailVerifiedAt?.toISOString() ?? null,
    })),
    nextAfter: rows.length > PARTNER_LIST_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
    counts,
  };
}
