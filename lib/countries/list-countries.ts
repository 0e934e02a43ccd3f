// The countries as the settings page lists them, in the shop's order.
import { db } from "@/lib/db";
import type { Region } from "@/lib/db/generated/enums";

export interface CountryRow {
  code: string;
  region: Region;
  phoneCode: string;
  phoneMask: string | null;
  postcodePattern: string | null;
  isEnabled: boolean;
  sortOrder: number;
}

export async function listCountries(): Promise<CountryRow[]> {
  const rows = await db.country.findMany({
    select: { code: true, region: true, phoneCode: true, phoneMask: true, postcodePattern: true, isEnabled: true, sortOrder: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return rows.map((row) => ({ ...row, code: row.code.trim() }));
}
