-- A coupon's "updatedAt" is its version: each process caches coupons for a few seconds
-- (lib/marketing/discounts/find-coupon), and an order's claim of a use checks that the row still
-- has the version it was priced with. So every write of a coupon's terms moves it, whoever writes
-- (Prisma sets @updatedAt only through its own update calls) and however fast: at least 1 ms past
-- the old value, which the column's precision (ms) keeps. The trigger names the terms, not
-- "usedCount": the order's claim (UPDATE … SET "usedCount") does not fire it.
CREATE FUNCTION lavka_coupon_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."updatedAt" := greatest(clock_timestamp() AT TIME ZONE 'UTC', OLD."updatedAt" + interval '1 millisecond');
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Coupon_version"
  BEFORE UPDATE OF "code", "description", "kind", "value", "currency", "minOrderTotal", "maxUses", "maxUsesPerCustomer", "startsAt", "endsAt",
                   "isActive", "partnerId", "scope", "productsExcluded", "minQuantity", "firstOrderOnly", "combinable"
  ON "Coupon" FOR EACH ROW EXECUTE FUNCTION lavka_coupon_version();

-- The products a coupon applies to (or not) are part of its terms too.
CREATE FUNCTION lavka_coupon_products_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Coupon" SET "updatedAt" = greatest(clock_timestamp() AT TIME ZONE 'UTC', "updatedAt" + interval '1 millisecond')
  WHERE id IN (SELECT "couponId" FROM changed);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "CouponProduct_version_insert" AFTER INSERT ON "CouponProduct"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lavka_coupon_products_version();
CREATE TRIGGER "CouponProduct_version_delete" AFTER DELETE ON "CouponProduct"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lavka_coupon_products_version();
