-- A placed order's counts are written by the statement that places it, not by its row triggers.
--
-- The checkout's insert (lib/checkout/order-write-sql, insertOrderRows) writes a new customer
-- with this order already counted, adds it to an existing customer's counters in the same UPDATE
-- that fills in their contacts, and appends the order's deltas (status count; daily rollup with
-- its items' base cost) itself. Through the row triggers, each placed order paid a second,
-- non-HOT version of its customer's row (17 indexes, three of them GIN), three PL/pgSQL calls
-- and a lookup of the order per item: ~1 ms of PostgreSQL's ~4 ms an order (npm run bench with
-- these triggers switched off, PostgreSQL 15).
--
-- That statement marks its order in the transaction-local setting "lavka.counted_order", and the
-- INSERT triggers below leave that order and its items alone. Every other insert of an order or
-- an item — the admin's, the REST API's through Prisma, an upsell taken after the order, an
-- import — counts through the triggers as before. (Only the placing statement's own rows are
-- meant: no code inserts items of an order later in the transaction that placed it.) Updates
-- and deletes keep their triggers.

CREATE FUNCTION lavka_order_placed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."id" IS NOT DISTINCT FROM current_setting('lavka.counted_order', true) THEN
    RETURN NULL;
  END IF;
  PERFORM lavka_customer_add_order(NEW."customerId", NEW."createdAt", NEW."status" = 'PAID', coalesce(NEW."paidAt", NEW."statusChangedAt"));
  PERFORM lavka_order_status_count(NULL, NEW."status");
  PERFORM lavka_order_rollup_apply(NEW, 1, 1, NEW."total", NEW."shippingTotal", 0, 0);
  RETURN NULL;
END;
$fn$;

CREATE FUNCTION lavka_order_item_placed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."orderId" IS NOT DISTINCT FROM current_setting('lavka.counted_order', true) THEN
    RETURN NULL;
  END IF;
  PERFORM lavka_order_rollup_apply(o, 1, 0, 0, 0, NEW."unitCost"::bigint * NEW."quantity", 0) FROM "Order" o WHERE o."id" = NEW."orderId";
  RETURN NULL;
END;
$fn$;

-- One INSERT trigger on "Order" for both the customer's counters and the rollups.
DROP TRIGGER "Order_customer_counters_insert" ON "Order";
DROP TRIGGER "Order_rollups_insert" ON "Order";
CREATE TRIGGER "Order_placed_insert" AFTER INSERT ON "Order" FOR EACH ROW EXECUTE FUNCTION lavka_order_placed();

DROP TRIGGER "OrderItem_rollups_insert" ON "OrderItem";
CREATE TRIGGER "OrderItem_rollups_insert" AFTER INSERT ON "OrderItem" FOR EACH ROW EXECUTE FUNCTION lavka_order_item_placed();
