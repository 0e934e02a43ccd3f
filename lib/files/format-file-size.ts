// File sizes for people: bytes, kB, MB or GB in the reader's language (Intl's unit names), with
// one decimal above a kilobyte. Binary multiples (1 MB = 1024 kB), as file managers show them.
const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

export function formatFileSize(sizeBytes: number | bigint | string, locale: string): string {
  let value = Number(sizeBytes);
  if (!Number.isFinite(value) || value < 0) value = 0;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: UNITS[unit],
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
