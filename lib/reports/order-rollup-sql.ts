// SQL over the daily order rollup "OrderDailyRollup" r (kept exact by triggers on Order, OrderItem
// and Commission; prisma/migrations/20261206160000_order_rollups): the dashboard and finance
// read it instead of the period's orders. Its days are calendar days of the shop's time zone,
// the days report periods are made of.
import { Prisma } from "@/lib/db";
import type { OrderRollupKind } from "@/lib/db/generated/enums";
import { SHOP_TIME_ZONE } from "./resolve-period";

/** The rows of one kind (which date of the order) whose day lies in [fromDay, toDay], both inclusive. */
export function rollupDaysSql(kind: OrderRollupKind, period: { fromDay: string; toDay: string; timeZone: string }): Prisma.Sql {
  return Prisma.sql`r."kind" = ${kind}::"OrderRollupKind" AND ${rollupDayRangeSql(period)}`;
}

/** The rows r of a daily rollup (also "OrderProductDailyRollup") whose day lies in [fromDay, toDay]. */
export function rollupDayRangeSql(period: { fromDay: string; toDay: string; timeZone: string }): Prisma.Sql {
  if (period.timeZone !== SHOP_TIME_ZONE) throw new Error(`Order rollups are kept in ${SHOP_TIME_ZONE} days, not ${period.timeZone}`);
  return Prisma.sql`r."day" >= ${period.fromDay}::date AND r."day" <= ${period.toDay}::date`;
}
