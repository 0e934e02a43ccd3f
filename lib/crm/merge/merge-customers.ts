// Merges 2–10 customer cards into the chosen main one, in ONE transaction: every row that
// references a merged card moves to the survivor — orders (the "Order" trigger recounts both
// cards' counters), interactions, tasks, deals, contact persons, addresses, refusals, link
// tokens, mailing recipients, unsubscribes, segment history, and cards merged into a merged one
// earlier; phones and emails move unless the survivor has the same one (unique per customer).
// The survivor takes the planned values (plan-merge.ts) and the union of tags; the merged cards
// keep their own fields for the record and point at it (mergedIntoId, mergedAt), so their card
// pages redirect and checkout's dedupe (followMerges) lands new orders on the survivor.
// Contact advisory locks (as at checkout) keep an order for one of these contacts from slipping
// onto a merged card meanwhile. Audited with the before and after.
import { z } from "zod";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { assertSectionActor } from "@/lib/auth/section-actor";
import { assertCrm } from "@/lib/crm/crm-access";
import { refreshCustomerRevenue } from "@/lib/crm/customers/refresh-customer-revenue";
import { advisoryLockSql } from "@/lib/customers/customer-dedup";
import { db, Prisma, type DbTransaction } from "@/lib/db";
import { MERGE_FIELDS, MergeError, assertMergeList, planMerge, type MergeCard, type MergePlan } from "./plan-merge";
import { recordAudit } from "@/lib/audit/record-audit";

const ZCustomerId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/);

export const ZMergeInput = z.object({
  customerIds: z.array(ZCustomerId).max(50),
  mainId: ZCustomerId,
  picks: z.partialRecord(z.enum(MERGE_FIELDS), ZCustomerId).default({}),
});
export type TMergeInput = z.input<typeof ZMergeInput>;

export const MERGE_CARD_SELECT = {
  id: true,
  type: true,
  name: true,
  legalName: true,
  taxId: true,
  legalAddress: true,
  website: true,
  phone: true,
  phoneNormalized: true,
  email: true,
  emailNormalized: true,
  country: true,
  region: true,
  locale: true,
  segmentId: true,
  responsibleId: true,
  source: true,
  notes: true,
  tags: true,
  mergedIntoId: true,
} as const;

/** Tables whose rows follow the customer (column "customerId"), moved as they are. */
export const MOVED_TABLES = [
  "Order",
  "Interaction",
  "Task",
  "Deal",
  "ContactPerson",
  "CustomerAddress",
  "RefusalRecord",
  "LinkToken",
  "MailingRecipient",
  "Unsubscribe",
  "CustomerSegmentChange",
] as const;

/** MANAGER and OWNER only (CRM ability mergeCustomers). */
export function assertMerger(actor: TSectionActor) {
  const checked = assertSectionActor(actor, "customers");
  assertCrm(checked, "mergeCustomers");
  return checked;
}

export function toMergeCard(row: MergeCard & { country: string | null }): MergeCard {
  return { ...row, country: row.country?.trim() ?? null };
}

export async function mergeCustomers(input: TMergeInput, actor: TSectionActor, context: { ip?: string } = {}): Promise<{ survivorId: string; plan: MergePlan }> {
  const checked = assertMerger(actor);
  const parsed = ZMergeInput.safeParse(input);
  if (!parsed.success) throw new MergeError("notFound");
  const { customerIds, mainId, picks } = parsed.data;
  assertMergeList(customerIds);
  if (!customerIds.includes(mainId)) throw new MergeError("mainNotInList");

  return db.$transaction(
    async (tx) => {
      // Checkout's locks first (it takes them before touching a customer), then the cards' rows.
      const contacts = await tx.$queryRaw<{ key: string }[]>`
        SELECT 'contact:' || "phoneNormalized" AS key FROM "Customer" WHERE id = ANY(${customerIds}::text[]) AND "phoneNormalized" IS NOT NULL
        UNION SELECT 'contact:' || "emailNormalized" FROM "Customer" WHERE id = ANY(${customerIds}::text[]) AND "emailNormalized" IS NOT NULL
        UNION SELECT 'contact:' || normalized FROM "CustomerPhone" WHERE "customerId" = ANY(${customerIds}::text[])
        UNION SELECT 'contact:' || normalized FROM "CustomerEmail" WHERE "customerId" = ANY(${customerIds}::text[])`;
      const lockKeys = contacts.map((row) => row.key).sort();
      if (lockKeys.length) await tx.$queryRaw(advisoryLockSql(lockKeys));
      await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ANY(${customerIds}::text[]) ORDER BY id FOR UPDATE`;

      const rows = await tx.customer.findMany({ where: { id: { in: customerIds } }, select: MERGE_CARD_SELECT });
      if (rows.length !== customerIds.length) throw new MergeError("notFound");
      if (rows.some((row) => row.mergedIntoId)) throw new MergeError("alreadyMerged");
      // In the order the user listed them: ties in the plan go by it.
      const cards = customerIds.map((id) => toMergeCard(rows.find((row) => row.id === id)!));
      const plan = planMerge(cards, mainId, picks);
      const survivorId = plan.mainId;
      const mergedIds = plan.mergedIds;

      const before = await countRelations(tx, customerIds);
      await moveRows(tx, survivorId, mergedIds, cards);
      const at = new Date();
      await tx.customer.update({ where: { id: survivorId }, data: plan.values, select: { id: true } });
      await tx.customer.updateMany({ where: { id: { in: mergedIds } }, data: { mergedIntoId: survivorId, mergedAt: at } });
      await markPrimaryContacts(tx, survivorId);
      await refreshCustomerRevenue([survivorId, ...mergedIds], { tx });

      await recordAudit(tx, {
        actor: { type: "staff", id: checked.id },
        action: "crm.customers.merged",
        entity: { type: "Customer", id: survivorId },
        data: {
          survivorId,
          mergedIds,
          picks,
          before: cards,
          after: plan.values,
          rowsBefore: before,
        },
        ip: context.ip ?? null,
      });
      return { survivorId, plan };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/** Rows per related table for each card (the audit's record of what moved). */
async function countRelations(tx: DbTransaction, ids: readonly string[]): Promise<Record<string, Record<string, number>>> {
  const branches = [...MOVED_TABLES, "CustomerPhone", "CustomerEmail"].map(
    (table) => Prisma.sql`SELECT ${table} AS "table", "customerId", count(*)::int AS n FROM ${Prisma.raw(`"${table}"`)} WHERE "customerId" = ANY(${ids}::text[]) GROUP BY "customerId"`,
  );
  const rows = await tx.$queryRaw<{ table: string; customerId: string; n: number }[]>`${Prisma.join(branches, " UNION ALL ")}`;
  const counts: Record<string, Record<string, number>> = {};
  for (const row of rows) (counts[row.customerId] ??= {})[row.table] = row.n;
  return counts;
}

async function moveRows(tx: DbTransaction, survivorId: string, mergedIds: readonly string[], cards: readonly MergeCard[]) {
  // The survivor keeps its default address; without one, the merged cards' defaults stay (the first wins below).
  const survivorHasDefault = (await tx.customerAddress.count({ where: { customerId: survivorId, isDefault: true } })) > 0;
  if (survivorHasDefault) await tx.customerAddress.updateMany({ where: { customerId: { in: [...mergedIds] }, isDefault: true }, data: { isDefault: false } });
  // One statement per table, one after another (one connection runs one query at a time).
  for (const table of MOVED_TABLES) {
    await tx.$executeRaw`UPDATE ${Prisma.raw(`"${table}"`)} SET "customerId" = ${survivorId} WHERE "customerId" = ANY(${mergedIds}::text[])`;
  }
  if (!survivorHasDefault) {
    await tx.$executeRaw`
      UPDATE "CustomerAddress" SET "isDefault" = false
      WHERE "customerId" = ${survivorId} AND "isDefault" AND id <> (SELECT id FROM "CustomerAddress" WHERE "customerId" = ${survivorId} AND "isDefault" ORDER BY "createdAt", id LIMIT 1)`;
  }
  // Cards merged into a merged one earlier now point straight at the survivor.
  await tx.$executeRaw`UPDATE "Customer" SET "mergedIntoId" = ${survivorId} WHERE "mergedIntoId" = ANY(${mergedIds}::text[])`;

  // Phones and emails: every card's primary contact is kept as a row too, then each number or
  // address once per customer (unique (customerId, normalized)): the survivor's own row stays.
  const phones = cards.filter((card) => card.phoneNormalized).map((card) => ({ customerId: card.id, phone: card.phone || card.phoneNormalized!, normalized: card.phoneNormalized! }));
  const emails = cards.filter((card) => card.emailNormalized).map((card) => ({ customerId: card.id, email: card.email || card.emailNormalized!, normalized: card.emailNormalized! }));
  if (phones.length) await tx.customerPhone.createMany({ data: phones, skipDuplicates: true });
  if (emails.length) await tx.customerEmail.createMany({ data: emails, skipDuplicates: true });
  for (const table of ["CustomerPhone", "CustomerEmail"] as const) {
    await tx.$executeRaw`
      UPDATE ${Prisma.raw(`"${table}"`)} SET "customerId" = ${survivorId}
      WHERE id IN (
        SELECT DISTINCT ON (normalized) id FROM ${Prisma.raw(`"${table}"`)}
        WHERE "customerId" = ANY(${mergedIds}::text[])
          AND normalized NOT IN (SELECT normalized FROM ${Prisma.raw(`"${table}"`)} WHERE "customerId" = ${survivorId})
        ORDER BY normalized, "createdAt", id
      )`;
    await tx.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE "customerId" = ANY(${mergedIds}::text[])`;
  }
}

/** The survivor's primary phone/email rows are the ones on its card. */
async function markPrimaryContacts(tx: DbTransaction, survivorId: string) {
  await tx.$executeRaw`
    UPDATE "CustomerPhone" p SET "isPrimary" = (p.normalized IS NOT DISTINCT FROM c."phoneNormalized")
    FROM "Customer" c WHERE c.id = p."customerId" AND p."customerId" = ${survivorId}`;
  await tx.$executeRaw`
    UPDATE "CustomerEmail" e SET "isPrimary" = (e.normalized IS NOT DISTINCT FROM c."emailNormalized")
    FROM "Customer" c WHERE c.id = e."customerId" AND e."customerId" = ${survivorId}`;
}
