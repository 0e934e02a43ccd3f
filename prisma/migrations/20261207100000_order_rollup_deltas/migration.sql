-- Order counters and daily rollups as appended deltas rather than rows updated in place.
--
-- The triggers of 20261206160000_order_rollups upserted shared counter rows: two transactions that
-- changed orders, items and commissions in different sequences took those row locks in different
-- orders and deadlocked (seen with concurrent status changes and commission releases), and every
-- change of a status queued on the same row until COMMIT. Now each trigger only INSERTs its delta:
-- an insert locks nothing another transaction waits for, so the counters can neither deadlock nor
-- serialise writers. Readers already sum the rows of a key. `lavka_compact_order_rollups()` (the
-- worker's job "reports.compact-rollups", every 30 s) folds each key's rows into one.

ALTER TABLE "OrderStatusCount" DROP CONSTRAINT "OrderStatusCount_pkey";
ALTER TABLE "OrderStatusCount" DROP COLUMN "shard";
ALTER TABLE "OrderStatusCount" ADD COLUMN "id" BIGSERIAL NOT NULL;
ALTER TABLE "OrderStatusCount" ADD CONSTRAINT "OrderStatusCount_pkey" PRIMARY KEY ("id");
CREATE INDEX "OrderStatusCount_status_idx" ON "OrderStatusCount"("status");

ALTER TABLE "OrderDailyRollup" DROP CONSTRAINT "OrderDailyRollup_pkey";
ALTER TABLE "OrderDailyRollup" DROP COLUMN "shard";
ALTER TABLE "OrderDailyRollup" ADD COLUMN "id" BIGSERIAL NOT NULL;
ALTER TABLE "OrderDailyRollup" ADD CONSTRAINT "OrderDailyRollup_pkey" PRIMARY KEY ("id");
CREATE INDEX "OrderDailyRollup_kind_day_idx" ON "OrderDailyRollup"("kind", "day");

-- The trigger functions call these by their old signatures: replace them, then the helpers.
DROP TRIGGER "Order_rollups_insert" ON "Order";
DROP TRIGGER "Order_rollups_delete" ON "Order";
DROP TRIGGER "Order_rollups_update" ON "Order";
DROP TRIGGER "OrderItem_rollups_insert" ON "OrderItem";
DROP TRIGGER "OrderItem_rollups_delete" ON "OrderItem";
DROP TRIGGER "OrderItem_rollups_update" ON "OrderItem";
DROP TRIGGER "Commission_rollups_insert" ON "Commission";
DROP TRIGGER "Commission_rollups_delete" ON "Commission";
DROP TRIGGER "Commission_rollups_update" ON "Commission";
DROP FUNCTION lavka_order_rollups();
DROP FUNCTION lavka_order_item_rollups();
DROP FUNCTION lavka_commission_rollups();
DROP FUNCTION lavka_order_rollup_apply("Order", INTEGER, INTEGER, BIGINT, BIGINT, BIGINT, BIGINT, SMALLINT);
DROP FUNCTION lavka_order_status_count("OrderStatus", "OrderStatus", SMALLINT);
DROP FUNCTION lavka_rollup_shard(BOOLEAN);

-- Adds (sign = 1) or takes away (-1) an order's contribution to the rollup of its state: one delta
-- per event it has had (placed, confirmed, shipped, paid), each on that event's day.
CREATE FUNCTION lavka_order_rollup_apply(o "Order", sign INTEGER, order_count INTEGER, total BIGINT, shipping BIGINT, base_cost BIGINT, commissions BIGINT)
RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO "OrderDailyRollup" ("kind", "day", "status", "paymentMethod", "paymentStatus", "currency", "orders", "total", "shipping", "baseCost", "commissions")
  SELECT e.kind, lavka_shop_day(e.at), o."status", o."paymentMethod", o."paymentStatus", o."currency",
         sign * order_count, sign * total, sign * shipping, sign * base_cost, sign * commissions
  FROM (VALUES ('CREATED'::"OrderRollupKind", o."createdAt"), ('CONFIRMED', o."confirmedAt"), ('SHIPPED', o."shippedAt"), ('PAID', o."paidAt")) e(kind, at)
  WHERE e.at IS NOT NULL AND (order_count <> 0 OR total <> 0 OR shipping <> 0 OR base_cost <> 0 OR commissions <> 0);
$fn$;

-- Moves an order count from one status to another (either may be NULL: placed, deleted).
CREATE FUNCTION lavka_order_status_count(from_status "OrderStatus", to_status "OrderStatus") RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO "OrderStatusCount" ("status", "count")
  SELECT s.status, s.delta FROM (VALUES (from_status, -1), (to_status, 1)) s(status, delta)
  WHERE s.status IS NOT NULL;
$fn$;

-- An order's own figures (count, total, shipping) enter at INSERT; its items' base cost and its
-- commissions enter through their own triggers (whichever fires first, the sums add up). An
-- update moves the whole contribution from the old state's rollup to the new one's.
CREATE FUNCTION lavka_order_rollups() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  base_cost BIGINT;
  commissions BIGINT;
BEGIN
  -- The columns are compared here rather than in a WHEN clause, which would pin their types
  -- (ALTER COLUMN … TYPE refuses columns a trigger's WHEN names).
  IF TG_OP = 'UPDATE' AND (OLD."status", OLD."paymentMethod", OLD."paymentStatus", OLD."currency", OLD."total", OLD."shippingTotal",
                           OLD."createdAt", OLD."confirmedAt", OLD."shippedAt", OLD."paidAt")
      IS NOT DISTINCT FROM (NEW."status", NEW."paymentMethod", NEW."paymentStatus", NEW."currency", NEW."total", NEW."shippingTotal",
                            NEW."createdAt", NEW."confirmedAt", NEW."shippedAt", NEW."paidAt") THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM lavka_order_status_count(NULL, NEW."status");
    PERFORM lavka_order_rollup_apply(NEW, 1, 1, NEW."total", NEW."shippingTotal", 0, 0);
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM lavka_order_status_count(OLD."status", NULL);
  ELSIF NEW."status" <> OLD."status" THEN
    PERFORM lavka_order_status_count(OLD."status", NEW."status");
  END IF;
  base_cost := lavka_order_base_cost(OLD."id");
  commissions := lavka_order_commissions(OLD."id");
  PERFORM lavka_order_rollup_apply(OLD, -1, 1, OLD."total", OLD."shippingTotal", base_cost, commissions);
  IF TG_OP = 'UPDATE' THEN
    PERFORM lavka_order_rollup_apply(NEW, 1, 1, NEW."total", NEW."shippingTotal", base_cost, commissions);
  END IF;
  RETURN NULL;
END;
$fn$;

-- "Order_rollups_*" fire before the foreign keys' "RI_…" triggers (AFTER triggers run in name
-- order), so a deleted order is taken out with its items still there; the cascaded item deletes
-- then find no order and change nothing.
CREATE TRIGGER "Order_rollups_insert" AFTER INSERT ON "Order"
  FOR EACH ROW EXECUTE FUNCTION lavka_order_rollups();
CREATE TRIGGER "Order_rollups_delete" AFTER DELETE ON "Order"
  FOR EACH ROW EXECUTE FUNCTION lavka_order_rollups();
CREATE TRIGGER "Order_rollups_update" AFTER UPDATE ON "Order"
  FOR EACH ROW EXECUTE FUNCTION lavka_order_rollups();

-- An item's base cost on its order's rollup (none when the order is gone: see above).
CREATE FUNCTION lavka_order_item_rollups() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."orderId", OLD."unitCost", OLD."quantity") IS NOT DISTINCT FROM (NEW."orderId", NEW."unitCost", NEW."quantity") THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM lavka_order_rollup_apply(o, -1, 0, 0, 0, OLD."unitCost"::bigint * OLD."quantity", 0) FROM "Order" o WHERE o."id" = OLD."orderId";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM lavka_order_rollup_apply(o, 1, 0, 0, 0, NEW."unitCost"::bigint * NEW."quantity", 0) FROM "Order" o WHERE o."id" = NEW."orderId";
  END IF;
  RETURN NULL;
END;
$fn$;

CREATE TRIGGER "OrderItem_rollups_insert" AFTER INSERT ON "OrderItem"
  FOR EACH ROW EXECUTE FUNCTION lavka_order_item_rollups();
CREATE TRIGGER "OrderItem_rollups_delete" AFTER DELETE ON "OrderItem"
  FOR EACH ROW EXECUTE FUNCTION lavka_order_item_rollups();
CREATE TRIGGER "OrderItem_rollups_update" AFTER UPDATE ON "OrderItem"
  FOR EACH ROW EXECUTE FUNCTION lavka_order_item_rollups();

-- A commission counts while it is not CANCELLED.
CREATE FUNCTION lavka_commission_rollups() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."orderId", OLD."amount", OLD."status" = 'CANCELLED') IS NOT DISTINCT FROM (NEW."orderId", NEW."amount", NEW."status" = 'CANCELLED') THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD."status" <> 'CANCELLED' THEN
    PERFORM lavka_order_rollup_apply(o, -1, 0, 0, 0, 0, OLD."amount"::bigint) FROM "Order" o WHERE o."id" = OLD."orderId";
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."status" <> 'CANCELLED' THEN
    PERFORM lavka_order_rollup_apply(o, 1, 0, 0, 0, 0, NEW."amount"::bigint) FROM "Order" o WHERE o."id" = NEW."orderId";
  END IF;
  RETURN NULL;
END;
$fn$;

CREATE TRIGGER "Commission_rollups_insert" AFTER INSERT ON "Commission"
  FOR EACH ROW EXECUTE FUNCTION lavka_commission_rollups();
CREATE TRIGGER "Commission_rollups_delete" AFTER DELETE ON "Commission"
  FOR EACH ROW EXECUTE FUNCTION lavka_commission_rollups();
CREATE TRIGGER "Commission_rollups_update" AFTER UPDATE ON "Commission"
  FOR EACH ROW EXECUTE FUNCTION lavka_commission_rollups();

-- Folds each key's deltas into one row and drops keys that sum to nothing. The DELETE takes only
-- the rows committed when it starts; deltas of transactions still running stay as they are, and
-- a second compaction waits for the first (advisory lock) rather than folding the same rows.
-- Returns the number of rows folded.
CREATE FUNCTION lavka_compact_order_rollups() RETURNS INTEGER LANGUAGE plpgsql AS $fn$
DECLARE
  folded INTEGER := 0;
  n INTEGER;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('lavka_compact_order_rollups'));
  WITH gone AS (DELETE FROM "OrderStatusCount" RETURNING "status", "count"),
       kept AS (INSERT INTO "OrderStatusCount" ("status", "count")
                SELECT "status", sum("count") FROM gone GROUP BY 1 HAVING sum("count") <> 0 RETURNING 1)
  SELECT (SELECT count(*) FROM gone) - (SELECT count(*) FROM kept) INTO n;
  folded := folded + n;
  WITH gone AS (DELETE FROM "OrderDailyRollup" RETURNING *),
       kept AS (INSERT INTO "OrderDailyRollup" ("kind", "day", "status", "paymentMethod", "paymentStatus", "currency", "orders", "total", "shipping", "baseCost", "commissions")
                SELECT "kind", "day", "status", "paymentMethod", "paymentStatus", "currency", sum("orders"), sum("total"), sum("shipping"), sum("baseCost"), sum("commissions")
                FROM gone GROUP BY 1, 2, 3, 4, 5, 6
                HAVING sum("orders") <> 0 OR sum("total") <> 0 OR sum("shipping") <> 0 OR sum("baseCost") <> 0 OR sum("commissions") <> 0
                RETURNING 1)
  SELECT (SELECT count(*) FROM gone) - (SELECT count(*) FROM kept) INTO n;
  RETURN folded + n;
END;
$fn$;

-- Rewrites counts and rollups from the orders (one row per key). Order, item and commission
-- writes wait for it (SHARE locks), so nothing changes between the recount and the write.
CREATE OR REPLACE FUNCTION lavka_rebuild_order_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  LOCK TABLE "Order", "OrderItem", "Commission" IN SHARE MODE;
  DELETE FROM "OrderStatusCount";
  DELETE FROM "OrderDailyRollup";
  INSERT INTO "OrderStatusCount" ("status", "count") SELECT o."status", count(*) FROM "Order" o GROUP BY 1;
  INSERT INTO "OrderDailyRollup" ("kind", "day", "status", "paymentMethod", "paymentStatus", "currency", "orders", "total", "shipping", "baseCost", "commissions")
  SELECT r."kind", r."day", r."status", r."paymentMethod", r."paymentStatus", r."currency", r."orders", r."total", r."shipping", r."baseCost", r."commissions"
  FROM lavka_order_rollups_recount() r;
END;
$fn$;

SELECT lavka_compact_order_rollups();
