// Every country the shop ships to belongs to one price region (Country.region).
import type { Region } from "@/lib/db/generated/enums";

export interface CountryRegion {
  code: string;
  region: Region;
}

/** The price region of a country, or undefined when the shop does not ship there. */
export function regionOfCountry(country: string, countries: readonly CountryRegion[]): Region | undefined {
  const code = country.trim().toUpperCase();
  return countries.find((entry) => entry.code === code)?.region;
}
