// Which existing card an imported row belongs to (DESIGN.md: customers are deduplicated by
// normalised phone OR email): any of the row's phones or emails found as a card's primary
// contact or among its CustomerPhone/CustomerEmail rows, a merged card followed to the one that
// survived (lib/customers/customer-dedup followMerges). The row's contacts are tried in order —
// phones, then emails — and for one contact a primary match wins over an extra one, then the
// oldest card, as at checkout.
import { Prisma, type DbTransaction } from "@/lib/db";
import { db } from "@/lib/db";
import { followMerges, type FoundCustomer } from "@/lib/customers/customer-dedup";
import type { CustomerType } from "@/lib/db/generated/enums";
import type { ImportedCustomer } from "./parse-import-row";

/** A card as the import sees it (mutable: later rows of the same batch see what earlier ones added). */
export interface ImportCard {
  /** Null for a card the preview would create. */
  id: string | null;
  /** The data row (1-based) whose card this is, for a card created by the file. */
  fromRow?: number;
  type: CustomerType;
  name: string | null;
  legalName: string | null;
  taxId: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  email: string | null;
  emailNormalized: string | null;
  country: string | null;
  source: string | null;
  notes: string | null;
  tags: string[];
  createdAt: Date;
}

export const phoneKey = (normalized: string) => `p:${normalized}`;
export const emailKey = (normalized: string) => `e:${normalized}`;

/** The row's contacts as lookup keys, in the order they are tried. */
export function contactKeysOf(customer: Pick<ImportedCustomer, "phones" | "emails">): string[] {
  return [...customer.phones.map((phone) => phoneKey(phone.normalized)), ...customer.emails.map((email) => emailKey(email.normalized))];
}

/** Advisory-lock keys of the checkout (lib/customers/customer-dedup contactLockKeys) for these contacts. */
export function lockKeysOf(keys: Iterable<string>): string[] {
  return [...new Set([...keys].map((key) => `contact:${key.slice(2)}`))].sort();
}

/** The card for a row: the first of its contacts that matches decides. */
export function pickImportMatch(keys: readonly string[], cardsByKey: ReadonlyMap<string, readonly ImportCard[]>): ImportCard | null {
  for (const key of keys) {
    const cards = cardsByKey.get(key);
    if (cards?.length) return cards[0]!;
  }
  return null;
}

const CARD_SELECT = Prisma.sql`c.id, c.type::text AS type, c.name, c."legalName", c."taxId", c.phone, c."phoneNormalized", c.email, c."emailNormalized",
  trim(c.country) AS country, c.source, c.notes, c.tags, c."createdAt", c."mergedIntoId"`;

type CardRow = Omit<ImportCard, "fromRow"> & { id: string; mergedIntoId: string | null };

/**
 * Existing cards by contact key ("p:+7…", "e:…"), merged cards replaced by their survivors; for
 * each key primary matches first, then the oldest. Keys without a card are absent.
 */
export async function findCardsByContacts(keys: readonly string[], client: DbTransaction = db): Promise<Map<string, ImportCard[]>> {
  const phones = keys.filter((key) => key.startsWith("p:")).map((key) => key.slice(2));
  const emails = keys.filter((key) => key.startsWith("e:")).map((key) => key.slice(2));
  const found = new Map<string, ImportCard[]>();
  if (!phones.length && !emails.length) return found;
  // Each branch is an index lookup of its own (an OR across the tables would scan every customer).
  const hits = await client.$queryRaw<(CardRow & { key: string; isPrimary: boolean })[]>`
    WITH hits AS (
      SELECT 'p:' || x."phoneNormalized" AS key, x.id AS "customerId", true AS "isPrimary" FROM "Customer" x WHERE x."phoneNormalized" = ANY(${phones}::text[])
      UNION ALL SELECT 'p:' || x.normalized, x."customerId", false FROM "CustomerPhone" x WHERE x.normalized = ANY(${phones}::text[])
      UNION ALL SELECT 'e:' || x."emailNormalized", x.id, true FROM "Customer" x WHERE x."emailNormalized" = ANY(${emails}::text[])
      UNION ALL SELECT 'e:' || x.normalized, x."customerId", false FROM "CustomerEmail" x WHERE x.normalized = ANY(${emails}::text[])
    )
    SELECT DISTINCT ON (h.key, c.id) h.key, h."isPrimary", ${CARD_SELECT}
    FROM hits h JOIN "Customer" c ON c.id = h."customerId"
    ORDER BY h.key, c.id, h."isPrimary" DESC`;

  const loaded = new Map<string, CardRow>(hits.map((row) => [row.id, row]));
  const load = async (id: string): Promise<FoundCustomer | null> => {
    if (!loaded.has(id)) {
      const [row] = await client.$queryRaw<CardRow[]>`SELECT ${CARD_SELECT} FROM "Customer" c WHERE c.id = ${id}`;
      if (row) loaded.set(id, row);
    }
    return loaded.get(id) ?? null;
  };
  const survivors = new Map<string, ImportCard>();
  const survivorOf = async (row: CardRow): Promise<ImportCard> => {
    if (!survivors.has(row.id)) {
      const survivor = (await followMerges(row, load)) as CardRow;
      const { mergedIntoId: _merged, ...card } = survivor;
      survivors.set(row.id, survivors.get(survivor.id) ?? card);
      if (!survivors.has(survivor.id)) survivors.set(survivor.id, survivors.get(row.id)!);
    }
    return survivors.get(row.id)!;
  };

  const ranked = new Map<string, { card: ImportCard; isPrimary: boolean }[]>();
  for (const hit of hits) {
    const card = await survivorOf(hit);
    const list = ranked.get(hit.key) ?? [];
    const existing = list.find((entry) => entry.card === card);
    if (existing) existing.isPrimary ||= hit.isPrimary && card.id === hit.id;
    else list.push({ card, isPrimary: hit.isPrimary && card.id === hit.id });
    ranked.set(hit.key, list);
  }
  for (const [key, list] of ranked) {
    list.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.card.createdAt.getTime() - b.card.createdAt.getTime());
    found.set(
      key,
      list.map((entry) => entry.card),
    );
  }
  return found;
}
