-- Co-owners (Settings → Co-owners) and their shares of bought-out revenue per product or of all
-- products, and the index the finance report's co-owner block reads PAID orders of a period by.

-- CreateTable
CREATE TABLE "CoOwner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "userId" TEXT,
    "note" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoOwner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoOwnerShare" (
    "id" TEXT NOT NULL,
    "coOwnerId" TEXT NOT NULL,
    "productId" TEXT,
    "basisPoints" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoOwnerShare_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CoOwner_userId_idx" ON "CoOwner"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CoOwnerShare_coOwnerId_productId_key" ON "CoOwnerShare"("coOwnerId", "productId");

-- CreateIndex
CREATE INDEX "CoOwnerShare_productId_idx" ON "CoOwnerShare"("productId");

-- CreateIndex
CREATE INDEX "Order_status_paidAt_idx" ON "Order"("status", "paidAt");

-- AddForeignKey
ALTER TABLE "CoOwner" ADD CONSTRAINT "CoOwner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoOwnerShare" ADD CONSTRAINT "CoOwnerShare_coOwnerId_fkey" FOREIGN KEY ("coOwnerId") REFERENCES "CoOwner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoOwnerShare" ADD CONSTRAINT "CoOwnerShare_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
