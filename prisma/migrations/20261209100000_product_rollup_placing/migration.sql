-- The product rollup's statement triggers (20261208110000_order_product_rollup) locked and read
-- every order whose items or commissions a statement wrote, also a new order's own items and
-- commissions: ~1.2 ms of PostgreSQL's CPU per placed order (npm run bench, pg_stat_user_functions),
-- for an order that is not PAID and so counts nowhere in that rollup.
--
-- Now an INSERT returns at once when every order it touches is (a) a row version this
-- transaction wrote and (b) not PAID. (a) makes the lock unnecessary: no other transaction can
-- change or lock that version before this one commits, and one that changes it afterwards (to
-- PAID) reads the items and commissions as committed. An order written by another transaction,
-- or a PAID one, takes the full path as before. (A subtransaction's row has another xmin: full
-- path.)

CREATE OR REPLACE FUNCTION lavka_order_item_product_rollups() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  removed "OrderItem"[] := '{}';
  added "OrderItem"[] := '{}';
  o "Order";
  day DATE;
  items "OrderItem"[];
  prior "OrderItem"[];
  commissions BIGINT;
BEGIN
  -- Items of orders this transaction wrote (their visible row is its own version: no one else can
  -- change them before it commits) that are not PAID count nowhere yet: the order's own placing.
  IF TG_OP = 'INSERT' THEN
    -- (Nested: only an INSERT has after_rows alone, and PL/pgSQL plans a condition whole.)
    IF NOT EXISTS (
      SELECT 1 FROM after_rows a JOIN "Order" placed ON placed."id" = a."orderId"
      WHERE placed.xmin <> pg_current_xact_id()::xid OR lavka_order_paid_day(placed) IS NOT NULL
    ) THEN
      RETURN NULL;
    END IF;
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

CREATE OR REPLACE FUNCTION lavka_commission_product_rollups() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  order_ids TEXT[];
  changes BIGINT[];
  r RECORD;
  day DATE;
  items "OrderItem"[];
  commissions BIGINT;
BEGIN
  -- As for items: commissions written with their order's placing count nowhere yet.
  IF TG_OP = 'INSERT' THEN
    -- (Nested: only an INSERT has after_rows alone, and PL/pgSQL plans a condition whole.)
    IF NOT EXISTS (
      SELECT 1 FROM after_rows a JOIN "Order" placed ON placed."id" = a."orderId"
      WHERE placed.xmin <> pg_current_xact_id()::xid OR lavka_order_paid_day(placed) IS NOT NULL
    ) THEN
      RETURN NULL;
    END IF;
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
