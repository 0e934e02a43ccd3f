// The mailings list: newest first, with each mailing's counters and its unsubscribes.
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import type { MailingStatus } from "@/lib/db/generated/enums";
import { assertMailingActor } from "./mailing-access";

export interface MailingListItem {
  id: string;
  name: string;
  status: MailingStatus;
  recipientsCount: number;
  sentCount: number;
  failedCount: number;
  unsubscribedCount: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export async function listMailings(actor: TSectionActor, options: { limit?: number } = {}): Promise<MailingListItem[]> {
  assertMailingActor(actor);
  const rows = await db.mailing.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? 200, 500),
    select: {
      id: true,
      name: true,
      status: true,
      recipientsCount: true,
      sentCount: true,
      failedCount: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      _count: { select: { unsubscribes: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, unsubscribedCount: _count.unsubscribes }));
}
