-- A rebuild of the order counters and rollups takes the compaction's advisory lock first. Without
-- it, a compaction running at the same moment (the worker's periodic job) could delete the old
-- delta rows and insert their folded sums after the rebuild's DELETE had taken its snapshot: the
-- DELETE skipped the rows the compaction removed, did not see its new ones, and the rebuild's own
-- figures came on top of them — every count doubled until the next rebuild.
CREATE OR REPLACE FUNCTION lavka_rebuild_order_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('lavka_compact_order_rollups'));
  LOCK TABLE "Order", "OrderItem", "Commission" IN SHARE MODE;
  DELETE FROM "OrderStatusCount";
  DELETE FROM "OrderDailyRollup";
  DELETE FROM "OrderProductDailyRollup";
  INSERT INTO "OrderStatusCount" ("status", "count") SELECT o."status", count(*) FROM "Order" o GROUP BY 1;
  INSERT INTO "OrderDailyRollup" ("kind", "day", "status", "paymentMethod", "paymentStatus", "currency", "orders", "total", "shipping", "baseCost", "commissions")
  SELECT r."kind", r."day", r."status", r."paymentMethod", r."paymentStatus", r."currency", r."orders", r."total", r."shipping", r."baseCost", r."commissions"
  FROM lavka_order_rollups_recount() r;
  INSERT INTO "OrderProductDailyRollup" ("day", "productId", "currency", "orders", "revenue", "baseCost", "commissions")
  SELECT r."day", r."productId", r."currency", r."orders", r."revenue", r."baseCost", r."commissions"
  FROM lavka_order_product_rollups_recount() r;
END;
$fn$;
