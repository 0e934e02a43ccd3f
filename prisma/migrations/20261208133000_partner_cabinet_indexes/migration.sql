-- The partner cabinet's period queries (issue 13), each read as one index range of the partner
-- and the period instead of every row of one side: the buyout by shipping period read every order
-- shipped in the period, all partners', and filtered by partner (Order_shippedAt_idx); earnings and
-- the breakdown's earnings read every commission the partner ever had (Commission_partnerId_status_idx).
-- For the busiest partner of a million orders, ~160 ms each → a few ms.
CREATE INDEX "Order_partnerId_shippedAt_idx" ON "Order"("partnerId", "shippedAt");
CREATE INDEX "Commission_partnerId_createdAt_idx" ON "Commission"("partnerId", "createdAt");
