// The CRM customer list: search, filters, sort and keyset pages over "Customer" in SQL, shaped so
// that an index bounds every page at 300,000 customers. A page is a row comparison
// `(sortcol, id) > ($1, $2)` read in the sort's index order; a sort column that may be empty
// (name, last order) lists the customers without one after all the others, as a second phase
// ordered by id, so the comparison never meets a NULL. Searches are UNIONs of index lookups
// (trigram, equality), one branch per index: an OR over tables would scan every customer.
// Merged cards (mergedIntoId set) are never listed: their survivor is.
import { assertCrm } from "@/lib/crm/crm-access";
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db, Prisma } from "@/lib/db";
import type { CustomerType, Region } from "@/lib/db/generated/enums";
import { normalizeEmail, normalizePhone } from "@/lib/customers/normalize-contact";
import { addDays, SHOP_TIME_ZONE, zonedDayStart } from "@/lib/reports/resolve-period";
import {
  classifySearch,
  DEFAULT_DIRECTION,
  decodeCustomerCursor,
  encodeCustomerCursor,
  escapeLike,
  ZListCustomersInput,
  type CustomerCursor,
  type CustomerListQuery,
  type CustomerSort,
  type SortDirection,
  type TListCustomersInput,
} from "./customer-query";

export interface CustomerListItem {
  id: string;
  type: CustomerType;
  name: string | null;
  legalName: string | null;
  phone: string | null;
  email: string | null;
  region: Region | null;
  country: string | null;
  tags: string[];
  source: string | null;
  ordersCount: number;
  paidOrdersCount: number;
  lastOrderAt: Date | null;
  /** Bought-out revenue, RUB minor units. */
  paidRevenue: bigint;
  rfmSegment: string | null;
  abcClass: string | null;
  createdAt: Date;
  responsibleName: string | null;
  segmentName: string | null;
}

export interface CustomerPage {
  items: CustomerListItem[];
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: string | null;
  /** Pass as `before` for the previous page; null on the first one. */
  prevCursor: string | null;
  sort: CustomerSort;
  dir: SortDirection;
}

interface SortSpec {
  column: Prisma.Sql;
  nullable: boolean;
  /** The cursor's text value as a typed SQL parameter. */
  param: (value: string) => Prisma.Sql;
  /** The row's value as the cursor's text. */
  valueOf: (row: CustomerListItem) => string | null;
}

const SORT_SPECS: Record<CustomerSort, SortSpec> = {
  name: { column: Prisma.sql`c."name"`, nullable: true, param: (value) => Prisma.sql`${value}::text`, valueOf: (row) => row.name },
  created: { column: Prisma.sql`c."createdAt"`, nullable: false, param: (value) => Prisma.sql`${value}::timestamp(3)`, valueOf: (row) => row.createdAt.toISOString() },
  lastOrder: {
    column: Prisma.sql`c."lastOrderAt"`,
    nullable: true,
    param: (value) => Prisma.sql`${value}::timestamp(3)`,
    valueOf: (row) => row.lastOrderAt?.toISOString() ?? null,
  },
  revenue: { column: Prisma.sql`c."paidRevenue"`, nullable: false, param: (value) => Prisma.sql`${value}::bigint`, valueOf: (row) => row.paidRevenue.toString() },
  orders: { column: Prisma.sql`c."ordersCount"`, nullable: false, param: (value) => Prisma.sql`${value}::int`, valueOf: (row) => String(row.ordersCount) },
};

/** Validates the actor for reading customers: the customers section and the viewCustomers ability. */
export function assertCanViewCustomers(actor: TSectionActor) {
  const checked = assertSectionActor(actor, "customers");
  assertCrm(checked, "viewCustomers");
  return checked;
}

/** The cursor of a row's position in a sort. */
export function customerCursorOf(sort: CustomerSort, row: CustomerListItem): string {
  return encodeCustomerCursor({ sort, value: SORT_SPECS[sort].valueOf(row), id: row.id });
}

/** One page of the list. */
export async function listCustomers(input: TListCustomersInput, actor: TSectionActor): Promise<CustomerPage> {
  assertCanViewCustomers(actor);
  const { after, before, limit, ...query } = ZListCustomersInput.parse(input);
  const sort = query.sort ?? "created";
  const dir = query.dir ?? DEFAULT_DIRECTION[sort];
  const where = customerFilterSql(query);
  // A cursor of another sort (a stale link after the sort changed) starts from the top.
  const afterCursor = after ? decodeCustomerCursor(after) : null;
  const beforeCursor = before && !afterCursor ? decodeCustomerCursor(before) : null;
  const from = afterCursor?.sort === sort ? afterCursor : beforeCursor?.sort === sort ? beforeCursor : null;
  const backward = Boolean(from && from === beforeCursor);

  const rows = await readPage(where, sort, dir, backward ? "backward" : "forward", from, limit + 1);
  const hasMore = rows.length > limit;
  const items = backward ? rows.slice(0, limit).reverse() : rows.slice(0, limit);
  const cursorOf = (row: CustomerListItem | undefined) => (row ? customerCursorOf(sort, row) : null);
  const first = items[0];
  const last = items.at(-1);
  return backward
    ? { items, prevCursor: hasMore ? cursorOf(first) : null, nextCursor: cursorOf(last), sort, dir }
    : { items, nextCursor: hasMore ? cursorOf(last) : null, prevCursor: from ? cursorOf(first) : null, sort, dir };
}

/**
 * Rows strictly after (forward) or before (backward, nearest first) `from` in the list's order:
 * customers with a value by (value, id), then — for a nullable column — those without, by id.
 * Exported for the CSV export, which walks the whole list forward.
 */
export async function readPage(
  where: Prisma.Sql,
  sort: CustomerSort,
  dir: SortDirection,
  direction: "forward" | "backward",
  from: CustomerCursor | null,
  limit: number,
): Promise<CustomerListItem[]> {
  const spec = SORT_SPECS[sort];
  // The order actually read: the list's, or its reverse when walking backward.
  const ascending = (dir === "asc") !== (direction === "backward");
  const order = ascending ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const cmp = ascending ? Prisma.sql`>` : Prisma.sql`<`;
  const valued = (bound: Prisma.Sql, take: number) => selectRows(Prisma.sql`${where} AND ${spec.column} IS NOT NULL ${bound}`, Prisma.sql`${spec.column} ${order}, c.id ${order}`, take);
  const empty = (bound: Prisma.Sql, take: number) => selectRows(Prisma.sql`${where} AND ${spec.column} IS NULL ${bound}`, Prisma.sql`c.id ${order}`, take);
  const none = Prisma.empty;

  // The phases in reading order, each with its bound from the cursor (if the cursor is in it).
  const phases: ((take: number) => Promise<CustomerListItem[]>)[] = [];
  const valuedBound = from && from.value !== null ? Prisma.sql`AND (${spec.column}, c.id) ${cmp} (${spec.param(from.value)}, ${from.id})` : none;
  const emptyBound = from && from.value === null ? Prisma.sql`AND c.id ${cmp} ${from.id}` : none;
  if (direction === "forward") {
    if (!from || from.value !== null) phases.push((take) => valued(valuedBound, take));
    if (spec.nullable) phases.push((take) => empty(emptyBound, take));
  } else {
    if (spec.nullable && from?.value === null) phases.push((take) => empty(emptyBound, take));
    phases.push((take) => valued(from?.value === null ? none : valuedBound, take));
  }
  const rows: CustomerListItem[] = [];
  for (const phase of phases) {
    if (rows.length >= limit) break;
    rows.push(...(await phase(limit - rows.length)));
  }
  return rows;
}

async function selectRows(where: Prisma.Sql, orderBy: Prisma.Sql, limit: number): Promise<CustomerListItem[]> {
  // The page's ids first (on the sort's index), then the names of responsible and segment for
  // those rows only.
  const rows = await db.$queryRaw<(Omit<CustomerListItem, "tags"> & { tags: string[] | null })[]>`
    SELECT c.id, c.type::text AS type, c.name, c."legalName", c.phone, c.email, c.region::text AS region, c.country, c.tags, c.source,
      c."ordersCount", c."paidOrdersCount", c."lastOrderAt", c."paidRevenue", c."rfmSegment", c."abcClass", c."createdAt",
      u.name AS "responsibleName", s.name AS "segmentName"
    FROM (SELECT c.* FROM "Customer" c WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit}) c
    LEFT JOIN "User" u ON u.id = c."responsibleId"
    LEFT JOIN "Segment" s ON s.id = c."segmentId"
    ORDER BY ${orderBy}`;
  return rows.map((row) => ({ ...row, tags: row.tags ?? [], country: row.country?.trim() ?? null }));
}

/** The SQL condition of the parsed filters over "Customer" c (merged cards excluded); shared with the export. */
export function customerFilterSql(query: CustomerListQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`c."mergedIntoId" IS NULL`];
  if (query.type) conditions.push(Prisma.sql`c.type = ${query.type}::"CustomerType"`);
  if (query.segmentId) conditions.push(Prisma.sql`c."segmentId" = ${query.segmentId}`);
  if (query.rfmSegment) conditions.push(Prisma.sql`c."rfmSegment" = ${query.rfmSegment}`);
  if (query.abcClass) conditions.push(Prisma.sql`c."abcClass" = ${query.abcClass}`);
  if (query.tag) conditions.push(Prisma.sql`c.tags @> ARRAY[${query.tag}]::text[]`);
  if (query.source) conditions.push(Prisma.sql`c.source = ${query.source}`);
  if (query.region) conditions.push(Prisma.sql`c.region = ${query.region}::"Region"`);
  if (query.responsibleId) conditions.push(Prisma.sql`c."responsibleId" = ${query.responsibleId}`);
  if (query.openDeal === "yes") {
    // The few cards with an open deal, hashed once and looked up per card ("IS TRUE" keeps the
    // planner from turning it into a semi-join): an EXISTS walks the sort's index probing the
    // deals for every card (≈0.5 s at 300k cards / 2k deals), an "= ANY(ARRAY(…))" compares with
    // every id in turn (seconds beside another filter). Measured 10–170 ms here.
    conditions.push(Prisma.sql`(c.id IN (SELECT d."customerId" FROM "Deal" d JOIN "DealStage" st ON st.id = d."stageId" WHERE st.kind = 'OPEN')) IS TRUE`);
  } else if (query.openDeal === "no") {
    conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Deal" d JOIN "DealStage" st ON st.id = d."stageId" WHERE d."customerId" = c.id AND st.kind = 'OPEN')`);
  }
  if (query.lastOrderFrom) conditions.push(Prisma.sql`c."lastOrderAt" >= ${zonedDayStart(query.lastOrderFrom, SHOP_TIME_ZONE)}`);
  if (query.lastOrderTo) conditions.push(Prisma.sql`c."lastOrderAt" < ${zonedDayStart(addDays(query.lastOrderTo, 1), SHOP_TIME_ZONE)}`);
  if (query.revenueMin !== undefined) conditions.push(Prisma.sql`c."paidRevenue" >= ${query.revenueMin}`);
  if (query.revenueMax !== undefined) conditions.push(Prisma.sql`c."paidRevenue" <= ${query.revenueMax}`);
  const search = searchSql(query.q);
  if (search) conditions.push(search);
  return Prisma.join(conditions, " AND ");
}

/** `c.id IN (…)` of the customers a typed search finds, or null without a search. */
function searchSql(q: string | undefined): Prisma.Sql | null {
  const search = classifySearch(q, (raw) => normalizePhone(raw, "RU"));
  switch (search.kind) {
    case "none":
      return null;
    case "email": {
      // A whole address is looked up by equality (btree); a trigram LIKE of "…@example.ru" would
      // meet the common trigrams of every address of the domain.
      const exact = normalizeEmail(search.text);
      const own = exact
        ? Prisma.sql`SELECT "customerId" FROM "CustomerEmail" WHERE normalized = ${exact}`
        : Prisma.sql`SELECT "customerId" FROM "CustomerEmail" WHERE normalized LIKE ${`%${escapeLike(search.text)}%`}`;
      return Prisma.sql`c.id IN (
        ${own}
        UNION SELECT id FROM "Customer" WHERE "emailNormalized" = ${search.text}
        UNION SELECT "customerId" FROM "ContactPerson" WHERE "emailNormalized" = ${search.text})`;
    }
    case "phone": {
      const digits = [search.digits, ...search.alternatives];
      const exact = [...new Set([search.e164, ...digits.map((value) => `+${value}`)].filter((value): value is string => Boolean(value)))];
      // A whole valid number by equality (btree): its trigrams ("+79", "916"…) are in every
      // number of the operator, so a trigram LIKE would recheck most of the table. Part of a
      // number by trigram LIKE.
      const branches = search.e164
        ? [Prisma.sql`SELECT "customerId" FROM "CustomerPhone" WHERE normalized = ANY(${exact}::text[])`]
        : digits.map((value) => Prisma.sql`SELECT "customerId" FROM "CustomerPhone" WHERE normalized LIKE ${`%${value}%`}`);
      branches.push(Prisma.sql`SELECT id FROM "Customer" WHERE "phoneNormalized" = ANY(${exact}::text[])`);
      branches.push(Prisma.sql`SELECT "customerId" FROM "ContactPerson" WHERE "phoneNormalized" = ANY(${exact}::text[])`);
      // A Russian tax id (ИНН) is digits too.
      branches.push(Prisma.sql`SELECT id FROM "Customer" WHERE "taxId" = ${search.digits}`);
      return Prisma.sql`c.id IN (${Prisma.join(branches, " UNION ")})`;
    }
    case "text": {
      // Under two characters a trigram index cannot help: match nothing rather than scan everyone.
      if (search.text.length < 2) return Prisma.sql`FALSE`;
      const contains = `%${escapeLike(search.text)}%`;
      return Prisma.sql`c.id IN (
        SELECT id FROM "Customer" WHERE name ILIKE ${contains}
        UNION SELECT id FROM "Customer" WHERE "legalName" ILIKE ${contains}
        UNION SELECT id FROM "Customer" WHERE "taxId" = ${search.text}
        UNION SELECT "customerId" FROM "ContactPerson" WHERE name ILIKE ${contains})`;
    }
  }
}

/** The choices of the filter panel: manual segments and the employees a customer may be given to (select boxes, capped at 500). */
export async function listCustomerFilterOptions(actor: TSectionActor) {
  assertCanViewCustomers(actor);
  // One statement for both lists: every query costs the list page ~0.5 ms of CPU.
  const rows = await db.$queryRaw<{ kind: "employee" | "segment"; id: string; name: string }[]>`
    SELECT * FROM (
      (SELECT 'segment' AS "kind", s."id", s."name" FROM "Segment" s WHERE s."kind" = 'MANUAL' ORDER BY s."name" LIMIT 500)
      UNION ALL
      (SELECT 'employee', u."id", u."name" FROM "User" u WHERE u."isActive" AND u."role" IN ('OWNER', 'MANAGER', 'OPERATOR') ORDER BY u."name" LIMIT 500)
    ) options ORDER BY "kind", "name", "id"`;
  const of = (kind: "employee" | "segment") => rows.filter((row) => row.kind === kind).map(({ id, name }) => ({ id, name }));
  return { segments: of("segment"), employees: of("employee") };
}
