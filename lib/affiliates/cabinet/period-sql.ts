// Shared SQL pieces of the cabinet's queries: the period bounds as stored timestamps.
import { Prisma } from "@/lib/db";

// Timestamps are stored as UTC wall clock (timestamp without time zone), as in lib/reports.
export const utcTimestamp = (instant: Date) => Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** `column >= start AND column < end`, for a raw column reference such as `c."createdAt"`. */
export const inPeriod = (column: Prisma.Sql, period: { start: Date; end: Date }) => Prisma.sql`${column} >= ${utcTimestamp(period.start)} AND ${column} < ${utcTimestamp(period.end)}`;
