// The partners a partner recruited, and theirs, for the admin partner page: one recursive query
// down `Partner.parentId`, a few levels deep (the program pays at most five levels, and the page
// reads best at three), capped in rows so a partner with a huge downline cannot stall the page.
import { db } from "@/lib/db";
import type { PartnerStatus } from "@/lib/db/generated/enums";

export const PARTNER_TREE_DEFAULT_DEPTH = 3;
export const PARTNER_TREE_MAX_NODES = 500;

export interface PartnerTreeNode {
  id: string;
  login: string;
  name: string;
  status: PartnerStatus;
  /** ISO instant, so the node can go to a client component as is. */
  createdAt: string;
  /** 1: recruited by the root partner, 2: by one of those, … */
  depth: number;
  /** Their own recruits (all of them, also below the depth shown). */
  childCount: number;
  children: PartnerTreeNode[];
}

export interface PartnerTree {
  nodes: PartnerTreeNode[];
  /** How many partners the tree holds within the depth shown. */
  total: number;
  /** More partners than PARTNER_TREE_MAX_NODES: the rest are not shown. */
  truncated: boolean;
}

export async function getPartnerTree(partnerId: string, depth = PARTNER_TREE_DEFAULT_DEPTH): Promise<PartnerTree> {
  const maxDepth = Math.max(1, Math.min(5, Math.trunc(depth)));
  const rows = await db.$queryRaw<Array<Omit<PartnerTreeNode, "children" | "createdAt"> & { parentId: string; createdAt: Date }>>`
    WITH RECURSIVE tree AS (
      SELECT p.id, p."parentId", 1 AS depth, ARRAY[p.id] AS path
      FROM "Partner" p WHERE p."parentId" = ${partnerId}
      UNION ALL
      -- The path guard stops a cycle (impossible through the app, but not forbidden by the schema).
      SELECT c.id, c."parentId", t.depth + 1, t.path || c.id
      FROM "Partner" c JOIN tree t ON c."parentId" = t.id
      WHERE t.depth < ${maxDepth} AND NOT c.id = ANY(t.path) AND c.id <> ${partnerId}
    )
    SELECT t.id, t."parentId", t.depth::int AS depth, p.login, p.name, p.status::text AS status, p."createdAt",
           (SELECT count(*)::int FROM "Partner" k WHERE k."parentId" = t.id) AS "childCount"
    FROM tree t JOIN "Partner" p ON p.id = t.id
    ORDER BY t.depth, p."createdAt", p.id
    LIMIT ${PARTNER_TREE_MAX_NODES + 1}`;

  const truncated = rows.length > PARTNER_TREE_MAX_NODES;
  const shown = rows.slice(0, PARTNER_TREE_MAX_NODES);
  const byId = new Map<string, PartnerTreeNode>();
  const roots: PartnerTreeNode[] = [];
  // Rows come level by level, so a parent is always placed before its children.
  for (const { parentId, createdAt, ...row } of shown) {
    const node: PartnerTreeNode = { ...row, createdAt: createdAt.toISOString(), children: [] };
    byId.set(node.id, node);
    if (parentId === partnerId) roots.push(node);
    else byId.get(parentId)?.children.push(node);
  }
  return { nodes: roots, total: shown.length, truncated };
}
