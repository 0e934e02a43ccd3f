// A country as people write it in a spreadsheet — "RU", "Россия", "Russia", "РФ" — as an ISO
// 3166-1 alpha-2 code. Names come from the runtime's ICU data in Russian and English, so every
// country is known without a table of our own; a few everyday short forms are added.
const ALIASES: Record<string, string> = {
  рф: "RU",
  "российская федерация": "RU",
  russia: "RU",
  рб: "BY",
  "республика беларусь": "BY",
  белоруссия: "BY",
  usa: "US",
  сша: "US",
  uk: "GB",
  англия: "GB",
  великобритания: "GB",
  кыргызстан: "KG",
  киргизия: "KG",
  молдавия: "MD",
};

// Historical, grouping and private-use codes ICU still names ("DD" is "Germany" in some data).
const NOT_COUNTRIES = new Set(["DD", "FX", "BU", "CS", "DY", "HV", "NH", "RH", "SU", "TP", "YD", "YU", "ZR", "ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "AN"]);

let byName: Map<string, string> | undefined;

function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(Object.entries(ALIASES));
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const displays = ["ru", "en"].map((locale) => new Intl.DisplayNames([locale], { type: "region", fallback: "none" }));
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      if (NOT_COUNTRIES.has(code)) continue;
      for (const display of displays) {
        const name = display.of(code);
        if (name && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), code);
      }
    }
  }
  return byName;
}

/** The ISO code, or null when the text names no country. */
export function countryCodeOf(raw: string): string | null {
  const value = raw.trim().toLowerCase().replaceAll("ё", "е").replace(/\s+/g, " ");
  if (/^[a-z]{2}$/.test(value)) {
    const code = value.toUpperCase();
    return !NOT_COUNTRIES.has(code) && new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }).of(code) ? code : null;
  }
  return names().get(value) ?? null;
}
