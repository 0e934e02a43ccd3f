// "Contacts for a period": the interactions of a period (days of the shop's zone) by employee and
// kind — how many calls, emails, meetings and notes each had, how many of them recorded a result
// and how many set a next step — with the totals, and the period's interactions themselves (the
// results, newest first). Interactions whose employee was deleted count under "no employee".
import { assertCrm } from "@/lib/crm/crm-access";
import { parseActor, type TCrmActor } from "@/lib/crm/tasks/task-rules";
import { db } from "@/lib/db";
import { InteractionKind } from "@/lib/db/generated/enums";
import { resolvePeriod, type ResolvedPeriod, type TPeriodInput } from "@/lib/reports/resolve-period";

export const INTERACTION_KINDS = Object.values(InteractionKind);

export interface ContactsReportRow {
  userId: string | null;
  userName: string | null;
  byKind: Record<InteractionKind, number>;
  total: number;
  withResult: number;
  withNextStep: number;
}

export interface ContactsReportEntry {
  id: string;
  occurredAt: Date;
  kind: InteractionKind;
  userName: string | null;
  customer: { id: string; name: string | null };
  order: { id: string; number: number } | null;
  subject: string | null;
  result: string | null;
  nextStep: string | null;
}

export interface ContactsReport {
  period: ResolvedPeriod;
  rows: ContactsReportRow[];
  totals: Omit<ContactsReportRow, "userId" | "userName">;
  entries: ContactsReportEntry[];
  /** More interactions than `entries` holds. */
  entriesTruncated: boolean;
}

const emptyKinds = (): Record<InteractionKind, number> => Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, 0])) as Record<InteractionKind, number>;

export async function getContactsReport(input: TPeriodInput, actor: TCrmActor, options: { now?: Date; entriesLimit?: number } = {}): Promise<ContactsReport> {
  const staff = parseActor(actor);
  assertCrm(staff, "viewReports");
  const period = resolvePeriod(input, options.now);
  const where = { occurredAt: { gte: period.start, lt: period.end } };
  const limit = options.entriesLimit ?? 500;
  const [byKind, withResult, withNextStep, entries] = await Promise.all([
    db.interaction.groupBy({ by: ["userId", "kind"], where, _count: { _all: true } }),
    db.interaction.groupBy({ by: ["userId"], where: { ...where, result: { not: null } }, _count: { _all: true } }),
    db.interaction.groupBy({ by: ["userId"], where: { ...where, nextStep: { not: null } }, _count: { _all: true } }),
    db.interaction.findMany({
      where,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: {
        id: true,
        occurredAt: true,
        kind: true,
        subject: true,
        result: true,
        nextStep: true,
        user: { select: { name: true } },
        customer: { select: { id: true, name: true } },
        order: { select: { id: true, number: true } },
      },
    }),
  ]);

  const userIds = [...new Set(byKind.map((group) => group.userId).filter((id): id is string => id !== null))];
  const users = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  const rows = new Map<string | null, ContactsReportRow>();
  const rowOf = (userId: string | null) => {
    let row = rows.get(userId);
    if (!row) {
      row = { userId, userName: userId ? (users.get(userId) ?? null) : null, byKind: emptyKinds(), total: 0, withResult: 0, withNextStep: 0 };
      rows.set(userId, row);
    }
    return row;
  };
  for (const group of byKind) {
    const row = rowOf(group.userId);
    row.byKind[group.kind] += group._count._all;
    row.total += group._count._all;
  }
  for (const group of withResult) rowOf(group.userId).withResult += group._count._all;
  for (const group of withNextStep) rowOf(group.userId).withNextStep += group._count._all;

  const sorted = [...rows.values()].sort((a, b) => b.total - a.total || (a.userName ?? "").localeCompare(b.userName ?? ""));
  const totals = { byKind: emptyKinds(), total: 0, withResult: 0, withNextStep: 0 };
  for (const row of sorted) {
    for (const kind of INTERACTION_KINDS) totals.byKind[kind] += row.byKind[kind];
    totals.total += row.total;
    totals.withResult += row.withResult;
    totals.withNextStep += row.withNextStep;
  }
  return {
    period,
    rows: sorted,
    totals,
    entries: entries.slice(0, limit).map((entry) => ({
      id: entry.id,
      occurredAt: entry.occurredAt,
      kind: entry.kind,
      userName: entry.user?.name ?? null,
      customer: entry.customer,
      order: entry.order,
      subject: entry.subject,
      result: entry.result,
      nextStep: entry.nextStep,
    })),
    entriesTruncated: entries.length > limit,
  };
}
