-- The foreign keys from an order's rows to its product and its coupon are checked at COMMIT
-- instead of at each INSERT.
--
-- Checked at the INSERT, each order held a FOR KEY SHARE lock on the product's row (twice: the
-- order and its item) and on the coupon's row (the order and its discount) from its big INSERT to
-- its COMMIT, while dozens of other orders held the same locks and updated the same rows (the
-- product's reservation, the coupon's use count). Overlapping lockers of one row make PostgreSQL
-- create a MultiXact for them each time: ~1–2 ms of CPU per order at 200 orders/s on two cores
-- (npm run bench, measured with these four constraints deferred and not, in turn).
--
-- Deferred, the check runs at COMMIT, after the order's own reservation and coupon claim
-- (lib/checkout/order-write-sql.ts reserveStock) updated those rows: it finds the transaction's
-- own new row version and locks it without a MultiXact. Nothing else changes: a missing product
-- or coupon still fails the transaction (at COMMIT), and ON DELETE (RESTRICT, SET NULL) acts at
-- once as before — referential actions are never deferred.
ALTER TABLE "Order" ALTER CONSTRAINT "Order_productId_fkey" DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "OrderItem" ALTER CONSTRAINT "OrderItem_productId_fkey" DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "Order" ALTER CONSTRAINT "Order_couponId_fkey" DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "OrderDiscount" ALTER CONSTRAINT "OrderDiscount_couponId_fkey" DEFERRABLE INITIALLY DEFERRED;
