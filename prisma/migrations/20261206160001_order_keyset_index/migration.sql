-- Newest-first pages and the CSV export order by (createdAt, id): an index on both gives that
-- order directly, so a keyset batch reads its 500 rows instead of sorting what is left of the
-- range each time (which made a month's export quadratic). It serves everything the index on
-- createdAt alone did, which it replaces.
DROP INDEX "Order_createdAt_idx";
CREATE INDEX "Order_createdAt_id_idx" ON "Order"("createdAt", "id");
