// Rows of an import through parse → match → plan, in file order, for the dry run (no writes) and
// for the job (each row written by `write` in the batch's transaction). `cards` carries what is
// known between calls: the dry run keeps it for the whole file, so a contact repeated further
// down updates the card an earlier row would create — never a second card.
import type { DbTransaction } from "@/lib/db";
import type { ImportMapping } from "./import-fields";
import { applyPlanToCard, planImportUpsert, type ImportUpsertPlan } from "./plan-import-upsert";
import { contactKeysOf, findCardsByContacts, pickImportMatch, type ImportCard } from "./match-import-customers";
import { parseImportRow, type ImportedCustomer, type SkipReason } from "./parse-import-row";

export interface ImportRowInput {
  /** 1-based data row number, as the user counts rows in the file (header not counted). */
  row: number;
  cells: readonly string[];
}

export type ImportRowOutcome =
  { row: number; action: "create" | "update"; card: ImportCard; customer: ImportedCustomer } | { row: number; action: "skip"; reason: SkipReason; field?: string; value?: string };

export interface ImportRowsOptions {
  mapping: ImportMapping;
  /** Cards by contact key; keys looked up without a card map to []. */
  cards: Map<string, ImportCard[]>;
  client?: DbTransaction;
  /** Writes the row's plan; returns the card id (a new one for a new card). */
  write?: (card: ImportCard | null, customer: ImportedCustomer, plan: ImportUpsertPlan) => Promise<string>;
}

export async function importRows(rows: readonly ImportRowInput[], options: ImportRowsOptions): Promise<ImportRowOutcome[]> {
  const parsed = rows.map((input) => ({ row: input.row, result: parseImportRow(input.cells, options.mapping) }));
  const unknownKeys = new Set<string>();
  for (const { result } of parsed) if (result.ok) for (const key of contactKeysOf(result.customer)) if (!options.cards.has(key)) unknownKeys.add(key);
  if (unknownKeys.size) {
    const found = await findCardsByContacts([...unknownKeys], options.client);
    for (const key of unknownKeys) options.cards.set(key, found.get(key) ?? []);
  }

  const outcomes: ImportRowOutcome[] = [];
  for (const { row, result } of parsed) {
    if (!result.ok) {
      outcomes.push({ row, action: "skip", reason: result.reason, ...(result.field ? { field: result.field } : {}), ...(result.value !== undefined ? { value: result.value } : {}) });
      continue;
    }
    const { customer } = result;
    const keys = contactKeysOf(customer);
    const existing = pickImportMatch(keys, options.cards);
    const plan = planImportUpsert(existing, customer);
    const id = options.write ? await options.write(existing, customer, plan) : null;
    let card: ImportCard;
    if (existing) {
      applyPlanToCard(existing, plan);
      card = existing;
    } else {
      card = {
        id,
        fromRow: row,
        type: plan.fill.type ?? "PERSON",
        name: null,
        legalName: null,
        taxId: null,
        phone: null,
        phoneNormalized: null,
        email: null,
        emailNormalized: null,
        country: null,
        source: null,
        notes: null,
        tags: [],
        createdAt: new Date(),
      };
      applyPlanToCard(card, plan);
    }
    // Later rows with any of these contacts find this card first.
    for (const key of keys) options.cards.set(key, [card, ...(options.cards.get(key) ?? []).filter((other) => other !== card)]);
    outcomes.push({ row, action: existing ? "update" : "create", card, customer });
  }
  return outcomes;
}
