-- The daily rollup per product of the PAID orders (Finance → Co-owners), kept like
-- "OrderDailyRollup" (20261207100000_order_rollup_deltas): triggers only INSERT deltas,
-- lavka_compact_order_rollups() folds them, lavka_rebuild_order_rollups() recounts.
--
-- An order's total and standing commissions are split over its items in proportion to the items'
-- totals (equally when all are free) by cumulative floors, item by item in id order: the parts are
-- whole minor units and add up to the order's figure. That split is not additive over items or
-- commissions (a floor of a sum), so a delta cannot be made from the changed row alone. Each
-- trigger instead computes the order's whole per-product parts before and after the change, and
-- inserts the difference (lavka_order_product_rollup_move); summed per day × product × currency
-- the rollup is then exactly the sum of every PAID order's current parts.
-- - "Order" (per row): the parts with the old status/paidAt/total/currency are taken out and the
--   new ones put in, over the order's items and commissions as they are.
-- - "OrderItem" and "Commission" (per statement, with transition tables): one statement may
--   change several items of one order, and row triggers would each see the others already changed;
--   the state before the statement is the current one minus its new rows plus its old rows.
-- Those two lock the order row (FOR NO KEY UPDATE, which the foreign keys' KEY SHARE locks do not
-- wait for) before reading it, as an order's own UPDATE does: two transactions changing one
-- order's items, commissions or status then take turns, and the second reads the first's
-- committed rows, so each computes "before" from what the other left.

CREATE TABLE "OrderProductDailyRollup" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "productId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,
    "baseCost" BIGINT NOT NULL DEFAULT 0,
    "commissions" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "OrderProductDailyRollup_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "OrderProductDailyRollup_day_idx" ON "OrderProductDailyRollup"("day");

-- The Moscow day an order counts on, or NULL when it is not bought out.
CREATE FUNCTION lavka_order_paid_day(o "Order") RETURNS DATE LANGUAGE sql STABLE AS $fn$
  SELECT CASE WHEN o."status" = 'PAID' AND o."paidAt" IS NOT NULL THEN lavka_shop_day(o."paidAt") END;
$fn$;

-- An order's parts per product: its total (revenue) and standing commissions split over the items
-- (cumulative floors by item id, weighted by the items' totals, by count when all are free), and
-- the items' base cost. An order without items has no parts.
CREATE FUNCTION lavka_order_product_parts(order_total BIGINT, order_commissions BIGINT, items "OrderItem"[])
RETURNS TABLE ("productId" TEXT, "revenue" BIGINT, "baseCost" BIGINT, "commissions" BIGINT)
LANGUAGE sql IMMUTABLE AS $fn$
  WITH lines AS (
    SELECT i."productId" AS product, i."unitCost"::bigint * i."quantity" AS cost, i."total"::bigint AS weight,
           sum(i."total"::bigint) OVER (ORDER BY i."id" ROWS UNBOUNDED PRECEDING) AS cum_weight,
           sum(i."total"::bigint) OVER () AS all_weight,
           row_number() OVER (ORDER BY i."id") AS n,
           count(*) OVER () AS line_count
    FROM unnest(items) i
  ),
  bounds AS (
    SELECT l.product, l.cost,
           (CASE WHEN l.all_weight > 0 THEN l.cum_weight ELSE l.n END)::numeric AS up_to,
           (CASE WHEN l.all_weight > 0 THEN l.cum_weight - l.weight ELSE l.n - 1 END)::numeric AS before,
           (CASE WHEN l.all_weight > 0 THEN l.all_weight ELSE l.line_count END)::numeric AS whole
    FROM lines l
  )
  SELECT b.product,
         sum(floor(order_total * b.up_to / b.whole) - floor(order_total * b.before / b.whole))::bigint,
         sum(b.cost)::bigint,
         sum(floor(order_commissions * b.up_to / b.whole) - floor(order_commissions * b.before / b.whole))::bigint
  FROM bounds b
  GROUP BY b.product;
$fn$;

-- Inserts (new parts − old parts) of one order; a NULL day means "not counted" on that side.
CREATE FUNCTION lavka_order_product_rollup_move(
  old_day DATE, old_currency CHAR(3), old_total BIGINT, old_commissions BIGINT, old_items "OrderItem"[],
  new_day DATE, new_currency CHAR(3), new_total BIGINT, new_commissions BIGINT, new_items "OrderItem"[]
) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO "OrderProductDailyRollup" ("day", "productId", "currency", "orders", "revenue", "baseCost", "commissions")
  SELECT m.day, m.product, m.currency, sum(m.sign)::int, sum(m.sign * m.revenue), sum(m.sign * m.cost), sum(m.sign * m.commissions)
  FROM (
    SELECT old_day AS day, old_currency AS currency, -1 AS sign, p."productId" AS product, p."revenue" AS revenue, p."baseCost" AS cost, p."commissions" AS commissions
    FROM lavka_order_product_parts(old_total, old_commissions, old_items) p WHERE old_day IS NOT NULL
    UNION ALL
    SELECT new_day, new_currency, 1, p."productId", p."revenue", p."baseCost", p."commissions"
    FROM lavka_order_product_parts(new_total, new_commissions, new_items) p WHERE new_day IS NOT NULL
  ) m
  GROUP BY m.day, m.product, m.currency
  HAVING sum(m.sign) <> 0 OR sum(m.sign * m.revenue) <> 0 OR sum(m.sign * m.cost) <> 0 OR sum(m.sign * m.commissions) <> 0;
$fn$;

CREATE FUNCTION lavka_order_items_of(order_id TEXT) RETURNS "OrderItem"[] LANGUAGE sql STABLE AS $fn$
  SELECT coalesce(array_agg(i), '{}') FROM "OrderItem" i WHERE i."orderId" = order_id;
$fn$;

-- An order's status, paidAt, total or currency changed (or it was placed or deleted).
CREATE FUNCTION lavka_order_product_rollups() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  old_day DATE;
  new_day DATE;
  old_currency CHAR(3);
  new_currency CHAR(3);
  old_total BIGINT;
  new_total BIGINT;
  order_id TEXT;
  items "OrderItem"[];
  commissions BIGINT;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_day := lavka_order_paid_day(OLD);
    old_currency := OLD."currency";
    old_total := OLD."total";
    -- The old id: an id change cascades to the items after this trigger (see below).
    order_id := OLD."id";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_day := lavka_order_paid_day(NEW);
    new_currency := NEW."currency";
    new_total := NEW."total";
    order_id := coalesce(order_id, NEW."id");
  END IF;
  IF old_day IS NULL AND new_day IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND (old_day, old_currency, old_total) IS NOT DISTINCT FROM (new_day, new_currency, new_total) THEN
    RETURN NULL;
  END IF;
  items := lavka_order_items_of(order_id);
  commissions := lavka_order_commissions(order_id);
  PERFORM lavka_order_product_rollup_move(old_day, old_currency, old_total, commissions, items, new_day, new_currency, new_total, commissions, items);
  RETURN NULL;
END;
$fn$;

-- Named to fire before the foreign keys' "RI_…" triggers, like "Order_rollups_*": a deleted
-- order is taken out with its items still there; the cascaded item deletes find no order.
CREATE TRIGGER "Order_product_rollups_insert" AFTER INSERT ON "Order"
  FOR EACH ROW EXECUTE FUNCTION lavka_order_product_rollups();
CREATE TRIGGER "Order_product_rollups_delete" AFTER DELETE ON "Order"
  FOR EACH ROW EXECUTE FUNCTION lavka_order_product_rollups();
CREATE TRIGGER "Order_product_rollups_update" AFTER UPDATE ON "Order"
  FOR EACH ROW EXECUTE FUNCTION lavka_order_product_rollups();

-- Items added, removed or changed by one statement (transition tables "before_rows"/"after_rows").
-- Only the columns the parts read count; a row whose id changed counts as removed and added.
CREATE FUNCTION lavka_order_item_product_rollups() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  removed "OrderItem"[] := '{}';
  added "OrderItem"[] := '{}';
  o "Order";
  day DATE;
  items "OrderItem"[];
  prior "OrderItem"[];
  commissions BIGINT;
BEGIN
  IF TG_OP = 'INSERT' THEN
    added := ARRAY(SELECT a FROM after_rows a);
  ELSIF TG_OP = 'DELETE' THEN
    removed := ARRAY(SELECT b FROM before_rows b);
  ELSE
    removed := ARRAY(SELECT b FROM before_rows b WHERE NOT EXISTS (
      SELECT 1 FROM after_rows a WHERE a."id" = b."id"
        AND (a."orderId", a."productId", a."quantity", a."unitCost", a."total") IS NOT DISTINCT FROM (b."orderId", b."productId", b."quantity", b."unitCost", b."total")));
    added := ARRAY(SELECT a FROM after_rows a WHERE NOT EXISTS (
      SELECT 1 FROM before_rows b WHERE b."id" = a."id"
        AND (a."orderId", a."productId", a."quantity", a."unitCost", a."total") IS NOT DISTINCT FROM (b."orderId", b."productId", b."quantity", b."unitCost", b."total")));
  END IF;
  IF cardinality(removed) = 0 AND cardinality(added) = 0 THEN
    RETURN NULL;
  END IF;
  FOR o IN
    SELECT * FROM "Order" WHERE "id" IN (SELECT r."orderId" FROM unnest(removed) r UNION SELECT a."orderId" FROM unnest(added) a)
    ORDER BY "id" FOR NO KEY UPDATE
  LOOP
    day := lavka_order_paid_day(o);
    CONTINUE WHEN day IS NULL;
    items := lavka_order_items_of(o."id");
    prior := ARRAY(
      SELECT i FROM unnest(items) i WHERE i."id" NOT IN (SELECT a."id" FROM unnest(added) a)
      UNION ALL
      SELECT r FROM unnest(removed) r WHERE r."orderId" = o."id");
    commissions := lavka_order_commissions(o."id");
    PERFORM lavka_order_product_rollup_move(day, o."currency", o."total", commissions, prior, day, o."currency", o."total", commissions, items);
  END LOOP;
  RETURN NULL;
END;
$fn$;

CREATE TRIGGER "OrderItem_product_rollups_insert" AFTER INSERT ON "OrderItem"
  REFERENCING NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION lavka_order_item_product_rollups();
CREATE TRIGGER "OrderItem_product_rollups_delete" AFTER DELETE ON "OrderItem"
  REFERENCING OLD TABLE AS before_rows FOR EACH STATEMENT EXECUTE FUNCTION lavka_order_item_product_rollups();
CREATE TRIGGER "OrderItem_product_rollups_update" AFTER UPDATE ON "OrderItem"
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION lavka_order_item_product_rollups();

-- Commissions of one statement: only the change of each order's standing (not CANCELLED) sum
-- matters, and an order whose sum did not change (a payout marking commissions PAID) is skipped.
CREATE FUNCTION lavka_commission_product_rollups() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  order_ids TEXT[];
  changes BIGINT[];
  r RECORD;
  day DATE;
  items "OrderItem"[];
  commissions BIGINT;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(c.order_id), array_agg(c.change) INTO order_ids, changes FROM (
      SELECT a."orderId" AS order_id, sum(a."amount"::bigint) AS change FROM after_rows a WHERE a."status" <> 'CANCELLED' GROUP BY 1
    ) c WHERE c.change <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(c.order_id), array_agg(c.change) INTO order_ids, changes FROM (
      SELECT b."orderId" AS order_id, -sum(b."amount"::bigint) AS change FROM before_rows b WHERE b."status" <> 'CANCELLED' GROUP BY 1
    ) c WHERE c.change <> 0;
  ELSE
    SELECT array_agg(c.order_id), array_agg(c.change) INTO order_ids, changes FROM (
      SELECT s.order_id, sum(s.amount) AS change FROM (
        SELECT a."orderId" AS order_id, a."amount"::bigint AS amount FROM after_rows a WHERE a."status" <> 'CANCELLED'
        UNION ALL
        SELECT b."orderId", -b."amount"::bigint FROM before_rows b WHERE b."status" <> 'CANCELLED'
      ) s GROUP BY 1
    ) c WHERE c.change <> 0;
  END IF;
  IF order_ids IS NULL THEN
    RETURN NULL;
  END IF;
  FOR r IN
    SELECT o AS ord, c.change FROM "Order" o JOIN unnest(order_ids, changes) c(order_id, change) ON c.order_id = o."id"
    ORDER BY o."id" FOR NO KEY UPDATE OF o
  LOOP
    day := lavka_order_paid_day(r.ord);
    CONTINUE WHEN day IS NULL;
    items := lavka_order_items_of((r.ord)."id");
    commissions := lavka_order_commissions((r.ord)."id");
    PERFORM lavka_order_product_rollup_move(day, (r.ord)."currency", (r.ord)."total", commissions - r.change, items,
                                            day, (r.ord)."currency", (r.ord)."total", commissions, items);
  END LOOP;
  RETURN NULL;
END;
$fn$;

CREATE TRIGGER "Commission_product_rollups_insert" AFTER INSERT ON "Commission"
  REFERENCING NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION lavka_commission_product_rollups();
CREATE TRIGGER "Commission_product_rollups_delete" AFTER DELETE ON "Commission"
  REFERENCING OLD TABLE AS before_rows FOR EACH STATEMENT EXECUTE FUNCTION lavka_commission_product_rollups();
CREATE TRIGGER "Commission_product_rollups_update" AFTER UPDATE ON "Commission"
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION lavka_commission_product_rollups();

-- Every PAID order's parts, summed per day, product and currency: what the triggers keep.
CREATE FUNCTION lavka_order_product_rollups_recount() RETURNS TABLE (
  "day" DATE, "productId" TEXT, "currency" CHAR(3), "orders" INTEGER, "revenue" BIGINT, "baseCost" BIGINT, "commissions" BIGINT
) LANGUAGE sql STABLE AS $fn$
  SELECT lavka_shop_day(o."paidAt"), p."productId", o."currency", count(*)::int, sum(p."revenue")::bigint, sum(p."baseCost")::bigint, sum(p."commissions")::bigint
  FROM "Order" o
  CROSS JOIN LATERAL lavka_order_product_parts(o."total", lavka_order_commissions(o."id"), lavka_order_items_of(o."id")) p
  WHERE o."status" = 'PAID' AND o."paidAt" IS NOT NULL
  GROUP BY 1, 2, 3;
$fn$;

-- As in 20261207100000_order_rollup_deltas, plus the product rollup's deltas.
CREATE OR REPLACE FUNCTION lavka_compact_order_rollups() RETURNS INTEGER LANGUAGE plpgsql AS $fn$
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
  folded := folded + n;
  WITH gone AS (DELETE FROM "OrderProductDailyRollup" RETURNING *),
       kept AS (INSERT INTO "OrderProductDailyRollup" ("day", "productId", "currency", "orders", "revenue", "baseCost", "commissions")
                SELECT "day", "productId", "currency", sum("orders"), sum("revenue"), sum("baseCost"), sum("commissions")
                FROM gone GROUP BY 1, 2, 3
                HAVING sum("orders") <> 0 OR sum("revenue") <> 0 OR sum("baseCost") <> 0 OR sum("commissions") <> 0
                RETURNING 1)
  SELECT (SELECT count(*) FROM gone) - (SELECT count(*) FROM kept) INTO n;
  RETURN folded + n;
END;
$fn$;

CREATE OR REPLACE FUNCTION lavka_rebuild_order_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
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

-- The PAID orders so far (their writes wait meanwhile, as in a rebuild).
LOCK TABLE "Order", "OrderItem", "Commission" IN SHARE MODE;
INSERT INTO "OrderProductDailyRollup" ("day", "productId", "currency", "orders", "revenue", "baseCost", "commissions")
SELECT r."day", r."productId", r."currency", r."orders", r."revenue", r."baseCost", r."commissions"
FROM lavka_order_product_rollups_recount() r;
