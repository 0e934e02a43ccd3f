-- CRM (issue 8): customer counters, RFM/ABC segments and their history, saved views, CSV
-- imports, task kinds/results/reminders, deal probability/close date/tags/kanban order, search
-- indexes (pg_trgm for partial names, phones and emails).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "CustomerImportStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "TaskKind" AS ENUM ('CALL', 'MEETING', 'OTHER');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "abcClass" CHAR(1),
ADD COLUMN     "firstOrderAt" TIMESTAMP(3),
ADD COLUMN     "lastOrderAt" TIMESTAMP(3),
ADD COLUMN     "lastPaidAt" TIMESTAMP(3),
ADD COLUMN     "mergedAt" TIMESTAMP(3),
ADD COLUMN     "ordersCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paidOrdersCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paidRevenue" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "rfmFrequency" INTEGER,
ADD COLUMN     "rfmMonetary" INTEGER,
ADD COLUMN     "rfmRecency" INTEGER,
ADD COLUMN     "rfmSegment" TEXT,
ADD COLUMN     "segmentedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ContactPerson" ADD COLUMN     "role" TEXT;

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "expectedCloseAt" TIMESTAMP(3),
ADD COLUMN     "probability" INTEGER,
ADD COLUMN     "sortOrder" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "stageChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable: a deleted stage with history is archived, so the deals' path through it stays readable
ALTER TABLE "DealStage" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable: a task always has a due time (tasks written before this had none: due when made)
UPDATE "Task" SET "dueAt" = "createdAt" WHERE "dueAt" IS NULL;
ALTER TABLE "Task" ADD COLUMN     "interactionId" TEXT,
ADD COLUMN     "kind" "TaskKind" NOT NULL DEFAULT 'OTHER',
ADD COLUMN     "reminderSentAt" TIMESTAMP(3),
ADD COLUMN     "result" TEXT,
ALTER COLUMN "dueAt" SET NOT NULL;

-- CreateTable
CREATE TABLE "CustomerSegmentChange" (
    "id" BIGSERIAL NOT NULL,
    "customerId" TEXT NOT NULL,
    "rfmSegment" TEXT,
    "abcClass" CHAR(1),
    "rfmRecency" INTEGER,
    "rfmFrequency" INTEGER,
    "rfmMonetary" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerSegmentChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrmSavedView" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isShared" BOOLEAN NOT NULL DEFAULT false,
    "query" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CrmSavedView_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerImport" (
    "id" TEXT NOT NULL,
    "createdById" TEXT,
    "fileName" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "delimiter" TEXT NOT NULL,
    "hasHeader" BOOLEAN NOT NULL DEFAULT true,
    "mapping" JSONB NOT NULL,
    "status" "CustomerImportStatus" NOT NULL DEFAULT 'PENDING',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CustomerImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Customer_mergedIntoId_idx" ON "Customer"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Customer_lastOrderAt_idx" ON "Customer"("lastOrderAt");

-- CreateIndex
CREATE INDEX "Customer_paidRevenue_idx" ON "Customer"("paidRevenue");

-- CreateIndex
CREATE INDEX "Customer_rfmSegment_idx" ON "Customer"("rfmSegment");

-- CreateIndex
CREATE INDEX "Customer_abcClass_idx" ON "Customer"("abcClass");

-- CreateIndex
CREATE INDEX "Customer_responsibleId_idx" ON "Customer"("responsibleId");

-- CreateIndex
CREATE INDEX "Customer_tags_idx" ON "Customer" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Customer_name_idx" ON "Customer" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "CustomerSegmentChange_customerId_createdAt_idx" ON "CustomerSegmentChange"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "CrmSavedView_list_ownerId_idx" ON "CrmSavedView"("list", "ownerId");

-- CreateIndex
CREATE INDEX "CrmSavedView_list_isShared_idx" ON "CrmSavedView"("list", "isShared");

-- CreateIndex
CREATE INDEX "CustomerImport_createdAt_idx" ON "CustomerImport"("createdAt");

-- CreateIndex
CREATE INDEX "ContactPerson_emailNormalized_idx" ON "ContactPerson"("emailNormalized");

-- CreateIndex
CREATE INDEX "CustomerPhone_normalized_trgm_idx" ON "CustomerPhone" USING GIN ("normalized" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "CustomerEmail_normalized_trgm_idx" ON "CustomerEmail" USING GIN ("normalized" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "CustomerAddress_city_idx" ON "CustomerAddress"("city");

-- CreateIndex
CREATE INDEX "Interaction_occurredAt_idx" ON "Interaction"("occurredAt");

-- CreateIndex
CREATE INDEX "Interaction_orderId_idx" ON "Interaction"("orderId");

-- CreateIndex
CREATE INDEX "Task_status_dueAt_idx" ON "Task"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Task_orderId_idx" ON "Task"("orderId");

-- CreateIndex
CREATE INDEX "Deal_stageId_sortOrder_idx" ON "Deal"("stageId", "sortOrder");

-- CreateIndex
CREATE INDEX "Deal_orderId_idx" ON "Deal"("orderId");

-- AddForeignKey
ALTER TABLE "CustomerSegmentChange" ADD CONSTRAINT "CustomerSegmentChange_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmSavedView" ADD CONSTRAINT "CrmSavedView_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerImport" ADD CONSTRAINT "CustomerImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "Interaction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Customer order counters: kept by the database on every write path (the checkout's SQL, the
-- ORM, bulk changes, merges, deletes), so the CRM list can filter and sort by them. Every change
-- is O(1) or an index lookup (a customer's thousandth order costs what the first did, and a merge
-- moving thousands of orders stays linear): counts move by one, the first/last order dates come
-- from the (customerId, createdAt) index; only an order leaving PAID reads the customer's orders
-- for the last payment date. AFTER ROW triggers run at the end of their statement and so see all
-- of its rows: a merge's one UPDATE of many orders leaves both cards right.
CREATE FUNCTION lavka_customer_add_order(customer_id TEXT, created_at TIMESTAMP(3), is_paid BOOLEAN, paid_at TIMESTAMP(3)) RETURNS void LANGUAGE sql AS $fn$
  UPDATE "Customer" SET
    "ordersCount" = "ordersCount" + 1,
    "paidOrdersCount" = "paidOrdersCount" + is_paid::int,
    "firstOrderAt" = least("firstOrderAt", created_at),
    "lastOrderAt" = greatest("lastOrderAt", created_at),
    "lastPaidAt" = CASE WHEN is_paid THEN greatest("lastPaidAt", paid_at) ELSE "lastPaidAt" END
  WHERE "id" = customer_id;
$fn$;

CREATE FUNCTION lavka_customer_remove_order(customer_id TEXT, was_paid BOOLEAN) RETURNS void LANGUAGE sql AS $fn$
  UPDATE "Customer" SET
    "ordersCount" = "ordersCount" - 1,
    "paidOrdersCount" = "paidOrdersCount" - was_paid::int,
    "firstOrderAt" = (SELECT min(o."createdAt") FROM "Order" o WHERE o."customerId" = customer_id),
    "lastOrderAt" = (SELECT max(o."createdAt") FROM "Order" o WHERE o."customerId" = customer_id),
    "lastPaidAt" = CASE WHEN was_paid
      THEN (SELECT max(coalesce(o."paidAt", o."statusChangedAt")) FROM "Order" o WHERE o."customerId" = customer_id AND o."status" = 'PAID')
      ELSE "lastPaidAt" END
  WHERE "id" = customer_id;
$fn$;

CREATE FUNCTION lavka_customer_order_counters() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM lavka_customer_remove_order(OLD."customerId", OLD."status" = 'PAID');
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM lavka_customer_add_order(NEW."customerId", NEW."createdAt", NEW."status" = 'PAID', coalesce(NEW."paidAt", NEW."statusChangedAt"));
  ELSIF NEW."customerId" IS DISTINCT FROM OLD."customerId" THEN
    PERFORM lavka_customer_remove_order(OLD."customerId", OLD."status" = 'PAID');
    PERFORM lavka_customer_add_order(NEW."customerId", NEW."createdAt", NEW."status" = 'PAID', coalesce(NEW."paidAt", NEW."statusChangedAt"));
  ELSIF NEW."status" = 'PAID' AND OLD."status" <> 'PAID' THEN
    UPDATE "Customer" SET
      "paidOrdersCount" = "paidOrdersCount" + 1,
      "lastPaidAt" = greatest("lastPaidAt", coalesce(NEW."paidAt", NEW."statusChangedAt"))
    WHERE "id" = NEW."customerId";
  ELSIF OLD."status" = 'PAID' AND NEW."status" <> 'PAID' THEN
    UPDATE "Customer" SET
      "paidOrdersCount" = "paidOrdersCount" - 1,
      "lastPaidAt" = (SELECT max(coalesce(o."paidAt", o."statusChangedAt")) FROM "Order" o WHERE o."customerId" = NEW."customerId" AND o."status" = 'PAID')
    WHERE "id" = NEW."customerId";
  END IF;
  RETURN NULL;
END;
$fn$;

CREATE TRIGGER "Order_customer_counters_insert" AFTER INSERT ON "Order"
  FOR EACH ROW EXECUTE FUNCTION lavka_customer_order_counters();
CREATE TRIGGER "Order_customer_counters_delete" AFTER DELETE ON "Order"
  FOR EACH ROW EXECUTE FUNCTION lavka_customer_order_counters();
CREATE TRIGGER "Order_customer_counters_update" AFTER UPDATE OF "status", "customerId" ON "Order"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."customerId" IS DISTINCT FROM NEW."customerId")
  EXECUTE FUNCTION lavka_customer_order_counters();

-- Existing orders counted once.
UPDATE "Customer" c SET
  "ordersCount" = s.orders,
  "paidOrdersCount" = s.paid,
  "firstOrderAt" = s.first_at,
  "lastOrderAt" = s.last_at,
  "lastPaidAt" = s.last_paid_at
FROM (
  SELECT o."customerId" AS id, count(*)::int AS orders,
         (count(*) FILTER (WHERE o."status" = 'PAID'))::int AS paid,
         min(o."createdAt") AS first_at, max(o."createdAt") AS last_at,
         max(coalesce(o."paidAt", o."statusChangedAt")) FILTER (WHERE o."status" = 'PAID') AS last_paid_at
  FROM "Order" o GROUP BY o."customerId"
) s
WHERE c."id" = s.id;
