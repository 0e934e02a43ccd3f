-- The order page lists an order's duplicates (orders whose duplicateOfId is it), and deleting an
-- order sets theirs to NULL: without an index each is a scan of every order (issue 13).
CREATE INDEX "Order_duplicateOfId_idx" ON "Order"("duplicateOfId");
