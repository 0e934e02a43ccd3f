// The visitor's likely country from the browser's languages, to price the checkout for it before
// they pick one (the region subtag of "en-US" is the United States).

// Languages that name a country of their own when the browser sends no region (plain "ru").
const LANGUAGE_COUNTRY: Record<string, string> = { ru: "RU", kk: "KZ", be: "BY", uk: "UA", de: "DE" };

/** Country codes implied by an Accept-Language header, best first ("en-US,ru;q=0.8" → US, RU). */
export function countriesFromAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const countries: string[] = [];
  for (const { tag } of ranked) {
    const subtags = tag.split("-");
    const region = subtags.slice(1).find((subtag) => /^[A-Za-z]{2}$/.test(subtag));
    const country = region?.toUpperCase() ?? LANGUAGE_COUNTRY[subtags[0]?.toLowerCase() ?? ""];
    if (country && !countries.includes(country)) countries.push(country);
  }
  return countries;
}
