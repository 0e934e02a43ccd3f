-- Postal fees of a batch parcel (f.103's "postage" and "fee for declared value" columns, f.116's
-- postage): kopecks, VAT included, computed from the logistics postal tariff when the parcel
-- enters a batch or typed over it (the override flags). NULL while no tariff is set.
ALTER TABLE "ShippingBatchOrder" ADD COLUMN "postageFee" INTEGER,
ADD COLUMN "declaredValueFee" INTEGER,
ADD COLUMN "postageFeeOverridden" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "declaredValueFeeOverridden" BOOLEAN NOT NULL DEFAULT false;
