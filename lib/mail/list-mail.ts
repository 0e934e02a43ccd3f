// Read side of the mail log for the admin panel's "Sent mail" pages: a keyset-paginated list
// (newest first, no bodies) and one message with its HTML and text. In CAPTURE mode these
// pages are where mail is "delivered", so the detail carries everything needed to show it.
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";

export const MAIL_PAGE_SIZE = 50;

const mailListItemSelect = {
  id: true,
  template: true,
  locale: true,
  toAddress: true,
  subject: true,
  transport: true,
  status: true,
  attempts: true,
  error: true,
  createdAt: true,
  sentAt: true,
} as const satisfies Prisma.MailMessageSelect;

const mailDetailSelect = {
  ...mailListItemSelect,
  idempotencyKey: true,
  fromAddress: true,
  providerMessageId: true,
  html: true,
  text: true,
} as const satisfies Prisma.MailMessageSelect;

export type MailListItem = Prisma.MailMessageGetPayload<{ select: typeof mailListItemSelect }>;
export type MailDetail = Prisma.MailMessageGetPayload<{ select: typeof mailDetailSelect }>;

export const ZListMailInput = z.object({
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(MAIL_PAGE_SIZE),
  status: z.enum(["PENDING", "SENT", "FAILED"]).optional(),
  template: z.string().trim().min(1).max(64).optional(),
  /** Part of the recipient's address, case-insensitive. */
  to: z.string().trim().min(1).max(320).optional(),
});
export type TListMailInput = z.input<typeof ZListMailInput>;

export interface MailPage {
  items: MailListItem[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** Newest first; pages by (createdAt, id) so new mail arriving meanwhile never shifts a page. */
export async function listMailMessages(input: TListMailInput = {}): Promise<MailPage> {
  const { cursor, limit, status, template, to } = ZListMailInput.parse(input);
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const where: Prisma.MailMessageWhereInput = {
    ...(status ? { status } : {}),
    ...(template ? { template } : {}),
    ...(to ? { toAddress: { contains: to, mode: "insensitive" } } : {}),
    ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
  };
  const rows = await db.mailMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: mailListItemSelect,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/** One message with its bodies, or null. */
export function getMailMessage(id: string): Promise<MailDetail | null> {
  return db.mailMessage.findUnique({ where: { id }, select: mailDetailSelect });
}

/** One message with its bodies; AppError NOT_FOUND (404) when there is none. */
export async function getMailMessageOrThrow(id: string): Promise<MailDetail> {
  const mail = await getMailMessage(id);
  if (!mail) throw notFound("Mail message");
  return mail;
}

// The cursor is opaque to the page: base64url of "<createdAt ISO>|<id>".
function encodeCursor(item: Pick<MailListItem, "createdAt" | "id">): string {
  return Buffer.from(`${item.createdAt.toISOString()}|${item.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    // Shaped like a validation failure of the `cursor` field, so it maps to a 422.
    throw new z.ZodError([{ code: "custom", path: ["cursor"], message: "Invalid page cursor", input: cursor }]);
  }
  return { createdAt, id };
}
