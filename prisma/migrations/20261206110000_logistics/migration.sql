-- Logistics: shipping batches (the f.103 lists), the parcel operations reported by the carrier,
-- the polling state of parcels in transit and the carrier's daily request quota.

-- CreateEnum
CREATE TYPE "ShippingBatchStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateTable
CREATE TABLE "ShippingBatch" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "shipDate" DATE NOT NULL,
    "status" "ShippingBatchStatus" NOT NULL DEFAULT 'OPEN',
    "note" TEXT,
    "createdById" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShippingBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShippingBatchOrder" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "openOrderId" TEXT,
    "position" INTEGER NOT NULL,
    "weightGrams" INTEGER NOT NULL,
    "declaredValue" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShippingBatchOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParcelOperation" (
    "id" BIGSERIAL NOT NULL,
    "orderId" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "operationType" INTEGER NOT NULL,
    "operationAttr" INTEGER,
    "typeName" TEXT,
    "attrName" TEXT,
    "operatedAt" TIMESTAMP(3) NOT NULL,
    "postcode" TEXT,
    "place" TEXT,
    "appliedStatus" "OrderStatus",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParcelOperation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParcelTracking" (
    "orderId" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "lastCheckedAt" TIMESTAMP(3),
    "nextCheckAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ParcelTracking_pkey" PRIMARY KEY ("orderId")
);

-- CreateTable
CREATE TABLE "TrackingQuotaDay" (
    "carrier" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TrackingQuotaDay_pkey" PRIMARY KEY ("carrier","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "ShippingBatch_number_key" ON "ShippingBatch"("number");

-- CreateIndex
CREATE INDEX "ShippingBatch_status_createdAt_idx" ON "ShippingBatch"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ShippingBatch_createdAt_idx" ON "ShippingBatch"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ShippingBatchOrder_openOrderId_key" ON "ShippingBatchOrder"("openOrderId");

-- CreateIndex
CREATE INDEX "ShippingBatchOrder_orderId_idx" ON "ShippingBatchOrder"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "ShippingBatchOrder_batchId_orderId_key" ON "ShippingBatchOrder"("batchId", "orderId");

-- CreateIndex
CREATE INDEX "ParcelOperation_orderId_operatedAt_idx" ON "ParcelOperation"("orderId", "operatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ParcelOperation_orderId_dedupeKey_key" ON "ParcelOperation"("orderId", "dedupeKey");

-- CreateIndex
CREATE INDEX "ParcelTracking_nextCheckAt_idx" ON "ParcelTracking"("nextCheckAt");

-- AddForeignKey
ALTER TABLE "ShippingBatch" ADD CONSTRAINT "ShippingBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShippingBatchOrder" ADD CONSTRAINT "ShippingBatchOrder_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ShippingBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShippingBatchOrder" ADD CONSTRAINT "ShippingBatchOrder_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParcelOperation" ADD CONSTRAINT "ParcelOperation_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParcelTracking" ADD CONSTRAINT "ParcelTracking_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
