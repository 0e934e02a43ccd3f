-- Discounts and promotions (issue 9): scopes, product exclusion, minimum quantity, first order only
-- and combining on coupons and automatic discounts, customer segments on automatic discounts,
-- price promotions, and the shipping part of each applied discount (commissions leave it out).

-- CreateEnum
CREATE TYPE "DiscountScope" AS ENUM ('ORDER', 'ITEMS', 'SHIPPING');

-- CreateEnum
CREATE TYPE "PromotionKind" AS ENUM ('PERCENT', 'FIXED', 'PRICE');

-- AlterTable
ALTER TABLE "Coupon" ADD COLUMN "scope" "DiscountScope" NOT NULL DEFAULT 'ORDER',
ADD COLUMN "productsExcluded" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "minQuantity" INTEGER,
ADD COLUMN "firstOrderOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "combinable" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "AutomaticDiscount" ADD COLUMN "scope" "DiscountScope" NOT NULL DEFAULT 'ORDER',
ADD COLUMN "rfmSegments" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "abcClasses" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "firstOrderOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "combinable" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Promotion" ALTER COLUMN "kind" TYPE "PromotionKind" USING ("kind"::text::"PromotionKind"),
ADD COLUMN "combinable" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "OrderDiscount" ADD COLUMN "shippingAmount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "OrderDiscount_couponId_idx" ON "OrderDiscount"("couponId");

-- CreateIndex
CREATE INDEX "OrderDiscount_automaticDiscountId_idx" ON "OrderDiscount"("automaticDiscountId");

-- CreateIndex
CREATE INDEX "OrderDiscount_promotionId_idx" ON "OrderDiscount"("promotionId");
