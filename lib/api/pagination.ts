// Cursor pagination as Stripe does it: newest first; `limit` (1–100, default 10), and
// `starting_after` (the page after this object) or `ending_before` (the page before it), both
// object ids; the answer says `has_more`. Keyset on (created, id), so objects arriving meanwhile
// never shift a page. The cursor object must exist (among the listed kind).
import { z } from "zod";
import { ApiError } from "./api-error";

const ZObjectId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Not an object id");

export const ZListParams = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10).meta({ description: "How many objects to return, 1–100." }),
  starting_after: ZObjectId.optional().meta({ description: "An object id: returns the objects listed after it (older)." }),
  ending_before: ZObjectId.optional().meta({ description: "An object id: returns the objects listed before it (newer)." }),
});
export type ListParams = z.output<typeof ZListParams>;

/** The list envelope of a resource's objects. */
export function listEnvelope<T extends z.ZodType>(item: T, url: string) {
  return z.object({
    object: z.literal("list"),
    url: z.literal(url),
    has_more: z.boolean(),
    data: z.array(item),
  });
}

export interface Keyset {
  created: Date;
  id: string;
}

/**
 * One page. `load(where, direction, take)` runs the query for rows strictly older ("desc") or
 * newer ("asc") than the keyset (or from the start when null); `cursorOf(id)` finds the cursor
 * object's keyset (null: no such object).
 */
export async function paginate<Row extends { id: string }>(
  params: ListParams,
  options: {
    cursorOf: (id: string) => Promise<Keyset | null>;
    load: (after: Keyset | null, direction: "desc" | "asc", take: number) => Promise<Row[]>;
  },
): Promise<{ rows: Row[]; hasMore: boolean }> {
  if (params.starting_after && params.ending_before) {
    throw new ApiError("VALIDATION", "parameter_invalid", "Send starting_after or ending_before, not both", { param: "ending_before" });
  }
  const cursorId = params.starting_after ?? params.ending_before;
  const param = params.starting_after ? "starting_after" : "ending_before";
  const cursor = cursorId ? await options.cursorOf(cursorId) : null;
  if (cursorId && !cursor) throw new ApiError("NOT_FOUND", "resource_missing", `No such object: ${cursorId}`, { param });
  const direction = params.ending_before ? "asc" : "desc";
  const rows = await options.load(cursor, direction, params.limit + 1);
  const hasMore = rows.length > params.limit;
  const page = rows.slice(0, params.limit);
  return { rows: direction === "asc" ? page.reverse() : page, hasMore };
}

/** The Prisma condition of a keyset page on (createdField, id). */
export function keysetWhere(after: Keyset | null, direction: "desc" | "asc", createdField = "createdAt"): Record<string, unknown> {
  if (!after) return {};
  const op = direction === "desc" ? "lt" : "gt";
  return { OR: [{ [createdField]: { [op]: after.created } }, { [createdField]: after.created, id: { [op]: after.id } }] };
}

export const keysetOrder = (direction: "desc" | "asc", createdField = "createdAt") => [{ [createdField]: direction }, { id: direction }];
