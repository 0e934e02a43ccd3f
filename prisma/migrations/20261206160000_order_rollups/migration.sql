-- The admin at a million orders (issue 13): per-status order counts and daily order rollups kept
-- by triggers (so every write path is covered: Prisma, the checkout's hand-written SQL, bulk
-- changes, merges, deletes), the indexes the order list's filters and searches need, and the
-- rebuild function `npm run rollups:rebuild` calls.

CREATE TYPE "OrderRollupKind" AS ENUM ('CREATED', 'CONFIRMED', 'SHIPPED', 'PAID');

CREATE TABLE "OrderStatusCount" (
    "status" "OrderStatus" NOT NULL,
    "shard" SMALLINT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "OrderStatusCount_pkey" PRIMARY KEY ("status","shard")
);

CREATE TABLE "OrderDailyRollup" (
    "kind" "OrderRollupKind" NOT NULL,
    "day" DATE NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "paymentMethod" "PaymentMethod" NOT NULL,
    "paymentStatus" "PaymentStatus" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "shard" SMALLINT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "total" BIGINT NOT NULL DEFAULT 0,
    "shipping" BIGINT NOT NULL DEFAULT 0,
    "baseCost" BIGINT NOT NULL DEFAULT 0,
    "commissions" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "OrderDailyRollup_pkey" PRIMARY KEY ("kind","day","status","paymentMethod","paymentStatus","currency","shard")
);

-- Order list: a status tab under a product or partner filter, and the bounded per-status counts
-- of such a filter, read one index range each.
CREATE INDEX "Order_productId_status_createdAt_idx" ON "Order"("productId", "status", "createdAt");
CREATE INDEX "Order_partnerId_status_createdAt_idx" ON "Order"("partnerId", "status", "createdAt");
-- Part of a phone ("4567", "916 123"): a trigram index serves the LIKE '%…%' a B-tree cannot.
CREATE INDEX "Order_phoneNormalized_trgm_idx" ON "Order" USING GIN ("phoneNormalized" gin_trgm_ops);

-- The calendar day of a stored UTC wall-clock timestamp in the shop's time zone
-- (lib/reports/resolve-period.ts SHOP_TIME_ZONE): report periods are whole days there.
CREATE FUNCTION lavka_shop_day(at TIMESTAMP(3)) RETURNS DATE LANGUAGE sql STABLE AS $fn$
  SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Moscow')::date;
$fn$;

-- Rows touched when orders, items or commissions are inserted spread over shards 1–8 (one per
-- transaction, by its id), so concurrent checkouts do not queue on one row lock until COMMIT;
-- every later change goes to shard 0. A count is the sum of its shards. A transaction uses one
-- shard and takes the status counters before the rollup rows, so checkouts never wait in a cycle.
CREATE FUNCTION lavka_rollup_shard(on_insert BOOLEAN) RETURNS SMALLINT LANGUAGE sql VOLATILE AS $fn$
  SELECT CASE WHEN on_insert THEN (1 + txid_current() % 8)::smallint ELSE 0::smallint END;
$fn$;

-- Adds (sign = 1) or takes away (-1) an order's contribution to the rollup rows of its state:
-- one row per event it has had (placed, confirmed, shipped, paid), each on that event's day.
CREATE FUNCTION lavka_order_rollup_apply(o "Order", sign INTEGER, order_count INTEGER, total BIGINT, shipping BIGINT, base_cost BIGINT, commissions BIGINT, shard SMALLINT)
RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO "OrderDailyRollup" AS r ("kind", "day", "status", "paymentMethod", "paymentStatus", "currency", "shard", "orders", "total", "shipping", "baseCost", "commissions")
  SELECT e.kind, lavka_shop_day(e.at), o."status", o."paymentMethod", o."paymentStatus", o."currency", shard,
         sign * order_count, sign * total, sign * shipping, sign * base_cost, sign * commissions
  FROM (VALUES ('CREATED'::"OrderRollupKind", o."createdAt"), ('CONFIRMED', o."confirmedAt"), ('SHIPPED', o."shippedAt"), ('PAID', o."paidAt")) e(kind, at)
  WHERE e.at IS NOT NULL AND (order_count <> 0 OR total <> 0 OR shipping <> 0 OR base_cost <> 0 OR commissions <> 0)
  ORDER BY e.kind
  ON CONFLICT ("kind", "day", "status", "paymentMethod", "paymentStatus", "currency", "shard") DO UPDATE SET
    "orders" = r."orders" + excluded."orders",
    "total" = r."total" + excluded."total",
    "shipping" = r."shipping" + excluded."shipping",
    "baseCost" = r."baseCost" + excluded."baseCost",
    "commissions" = r."commissions" + excluded."commissions";
$fn$;

-- Moves order counts between statuses (delta -1 from one, +1 to the other), rows in status order.
CREATE FUNCTION lavka_order_status_count(from_status "OrderStatus", to_status "OrderStatus", shard SMALLINT) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO "OrderStatusCount" AS c ("status", "shard", "count")
  SELECT s.status, shard, s.delta FROM (VALUES (from_status, -1), (to_status, 1)) s(status, delta)
  WHERE s.status IS NOT NULL
  ORDER BY s.status
  ON CONFLICT ("status", "shard") DO UPDATE SET "count" = c."count" + excluded."count";
$fn$;

-- An order's base cost (items as frozen at ordering) and commissions that still stand.
CREATE FUNCTION lavka_order_base_cost(order_id TEXT) RETURNS BIGINT LANGUAGE sql STABLE AS $fn$
  SELECT coalesce(sum(i."unitCost"::bigint * i."quantity"), 0)::bigint FROM "OrderItem" i WHERE i."orderId" = order_id;
$fn$;
CREATE FUNCTION lavka_order_commissions(order_id TEXT) RETURNS BIGINT LANGUAGE sql STABLE AS $fn$
  SELECT coalesce(sum(c."amount"::bigint), 0)::bigint FROM "Commission" c WHERE c."orderId" = order_id AND c."status" <> 'CANCELLED';
$fn$;

-- An order's own figures (count, total, shipping) enter at INSERT; its items' base cost and its
-- commissions enter through their own triggers (whichever fires first, the sums add up). An
-- update moves the whole contribution from the old state's rows to the new one's.
CREATE FUNCTION lavka_order_rollups() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  shard SMALLINT := lavka_rollup_shard(TG_OP = 'INSERT');
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
    PERFORM lavka_order_status_count(NULL, NEW."status", shard);
    PERFORM lavka_order_rollup_apply(NEW, 1, 1, NEW."total", NEW."shippingTotal", 0, 0, shard);
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM lavka_order_status_count(OLD."status", NULL, shard);
  ELSIF NEW."status" <> OLD."status" THEN
    PERFORM lavka_order_status_count(OLD."status", NEW."status", shard);
  END IF;
  base_cost := lavka_order_base_cost(OLD."id");
  commissions := lavka_order_commissions(OLD."id");
  PERFORM lavka_order_rollup_apply(OLD, -1, 1, OLD."total", OLD."shippingTotal", base_cost, commissions, shard);
  IF TG_OP = 'UPDATE' THEN
    PERFORM lavka_order_rollup_apply(NEW, 1, 1, NEW."total", NEW."shippingTotal", base_cost, commissions, shard);
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

-- An item's base cost on its order's rows (none when the order is gone: see above).
CREATE FUNCTION lavka_order_item_rollups() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  shard SMALLINT := lavka_rollup_shard(TG_OP = 'INSERT');
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."orderId", OLD."unitCost", OLD."quantity") IS NOT DISTINCT FROM (NEW."orderId", NEW."unitCost", NEW."quantity") THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM lavka_order_rollup_apply(o, -1, 0, 0, 0, OLD."unitCost"::bigint * OLD."quantity", 0, shard) FROM "Order" o WHERE o."id" = OLD."orderId";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM lavka_order_rollup_apply(o, 1, 0, 0, 0, NEW."unitCost"::bigint * NEW."quantity", 0, shard) FROM "Order" o WHERE o."id" = NEW."orderId";
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
DECLARE
  shard SMALLINT := lavka_rollup_shard(TG_OP = 'INSERT');
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."orderId", OLD."amount", OLD."status" = 'CANCELLED') IS NOT DISTINCT FROM (NEW."orderId", NEW."amount", NEW."status" = 'CANCELLED') THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD."status" <> 'CANCELLED' THEN
    PERFORM lavka_order_rollup_apply(o, -1, 0, 0, 0, 0, OLD."amount"::bigint, shard) FROM "Order" o WHERE o."id" = OLD."orderId";
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."status" <> 'CANCELLED' THEN
    PERFORM lavka_order_rollup_apply(o, 1, 0, 0, 0, 0, NEW."amount"::bigint, shard) FROM "Order" o WHERE o."id" = NEW."orderId";
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

-- The rollups and counts as a full recount from the orders: what the triggers must always add up
-- to (the tests compare the two) and what a rebuild writes.
CREATE FUNCTION lavka_order_rollups_recount() RETURNS TABLE (
  "kind" "OrderRollupKind", "day" DATE, "status" "OrderStatus", "paymentMethod" "PaymentMethod", "paymentStatus" "PaymentStatus", "currency" CHAR(3),
  "orders" INTEGER, "total" BIGINT, "shipping" BIGINT, "baseCost" BIGINT, "commissions" BIGINT
) LANGUAGE sql STABLE AS $fn$
  SELECT e.kind, lavka_shop_day(e.at), o."status", o."paymentMethod", o."paymentStatus", o."currency",
         count(*)::int, sum(o."total")::bigint, sum(o."shippingTotal")::bigint, coalesce(sum(cost.amount), 0)::bigint, coalesce(sum(comm.amount), 0)::bigint
  FROM "Order" o
  LEFT JOIN (SELECT i."orderId", sum(i."unitCost"::bigint * i."quantity") AS amount FROM "OrderItem" i GROUP BY 1) cost ON cost."orderId" = o."id"
  LEFT JOIN (SELECT c."orderId", sum(c."amount"::bigint) AS amount FROM "Commission" c WHERE c."status" <> 'CANCELLED' GROUP BY 1) comm ON comm."orderId" = o."id"
  CROSS JOIN LATERAL (VALUES ('CREATED'::"OrderRollupKind", o."createdAt"), ('CONFIRMED', o."confirmedAt"), ('SHIPPED', o."shippedAt"), ('PAID', o."paidAt")) e(kind, at)
  WHERE e.at IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6;
$fn$;

-- Rewrites counts and rollups from the orders (one row per key, shard 0). Order, item and
-- commission writes wait for it (SHARE locks), so nothing changes between the recount and the write.
CREATE FUNCTION lavka_rebuild_order_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  LOCK TABLE "Order", "OrderItem", "Commission" IN SHARE MODE;
  DELETE FROM "OrderStatusCount";
  DELETE FROM "OrderDailyRollup";
  INSERT INTO "OrderStatusCount" ("status", "shard", "count") SELECT o."status", 0, count(*) FROM "Order" o GROUP BY 1;
  INSERT INTO "OrderDailyRollup" ("kind", "day", "status", "paymentMethod", "paymentStatus", "currency", "shard", "orders", "total", "shipping", "baseCost", "commissions")
  SELECT r."kind", r."day", r."status", r."paymentMethod", r."paymentStatus", r."currency", 0, r."orders", r."total", r."shipping", r."baseCost", r."commissions"
  FROM lavka_order_rollups_recount() r;
END;
$fn$;

SELECT lavka_rebuild_order_rollups();
