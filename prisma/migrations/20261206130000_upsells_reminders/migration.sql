-- Upsells: several trigger products, a price per currency, English texts, and one view row per
-- upsell and order (statistics and the thank-you offer's idempotency key). Existing upsells keep
-- their product as their trigger and their price in that product's currency.
CREATE TABLE "UpsellTrigger" (
    "upsellId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,

    CONSTRAINT "UpsellTrigger_pkey" PRIMARY KEY ("upsellId","productId")
);

CREATE TABLE "UpsellPrice" (
    "upsellId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "price" INTEGER NOT NULL,

    CONSTRAINT "UpsellPrice_pkey" PRIMARY KEY ("upsellId","currency")
);

CREATE TABLE "UpsellView" (
    "id" TEXT NOT NULL,
    "upsellId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "takenAt" TIMESTAMP(3),
    "revenue" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UpsellView_pkey" PRIMARY KEY ("id")
);

INSERT INTO "UpsellTrigger" ("upsellId", "productId") SELECT u.id, u."productId" FROM "Upsell" u;
INSERT INTO "UpsellPrice" ("upsellId", "currency", "price")
SELECT u.id, p.currency, u.price FROM "Upsell" u JOIN "Product" p ON p.id = u."productId";

ALTER TABLE "Upsell" DROP CONSTRAINT "Upsell_productId_fkey";
DROP INDEX "Upsell_productId_kind_idx";
ALTER TABLE "Upsell" DROP COLUMN "productId",
DROP COLUMN "price",
ADD COLUMN "titleEn" TEXT,
ADD COLUMN "descriptionEn" TEXT;

CREATE INDEX "Upsell_kind_isActive_idx" ON "Upsell"("kind", "isActive");
CREATE INDEX "UpsellTrigger_productId_idx" ON "UpsellTrigger"("productId");
CREATE INDEX "UpsellView_orderId_idx" ON "UpsellView"("orderId");
CREATE UNIQUE INDEX "UpsellView_upsellId_orderId_key" ON "UpsellView"("upsellId", "orderId");

ALTER TABLE "UpsellTrigger" ADD CONSTRAINT "UpsellTrigger_upsellId_fkey" FOREIGN KEY ("upsellId") REFERENCES "Upsell"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "UpsellTrigger" ADD CONSTRAINT "UpsellTrigger_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "UpsellPrice" ADD CONSTRAINT "UpsellPrice_upsellId_fkey" FOREIGN KEY ("upsellId") REFERENCES "Upsell"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "UpsellView" ADD CONSTRAINT "UpsellView_upsellId_fkey" FOREIGN KEY ("upsellId") REFERENCES "Upsell"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "UpsellView" ADD CONSTRAINT "UpsellView_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Reminders: repeats and English texts per rule; one log row per rule, order and repeat.
ALTER TABLE "ReminderRule" ADD COLUMN "repeatCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "repeatIntervalMinutes" INTEGER NOT NULL DEFAULT 1440,
ADD COLUMN "subjectEn" TEXT,
ADD COLUMN "bodyEn" TEXT;

DROP INDEX "ReminderLog_ruleId_orderId_key";
ALTER TABLE "ReminderLog" DROP COLUMN "mailMessageId",
ADD COLUMN "repeat" INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX "ReminderLog_ruleId_orderId_repeat_key" ON "ReminderLog"("ruleId", "orderId", "repeat");
