// Light, forgiving phone formatting for the checkout's phone input: digits are laid into the
// country's mask ("+7 (999) 999-99-99", where 9 stands for a digit) as the shopper types. It
// never drops a digit (extra ones are appended) and never blocks input: the server validates.

/**
 * Formats `value` with `mask`. The mask starts with the country's phone code (`+7`, `+49`),
 * whose digits are literal even when they are 9s; the rest of the mask uses 9 as a placeholder.
 */
export function formatPhone(value: string, mask: string | null | undefined, phoneCode: string): string {
  const digits = value.replace(/\D/g, "");
  if (!mask || digits === "") return value.replace(/[^\d+()\-\s]/g, "");
  const codeDigits = phoneCode.replace(/\D/g, "");
  const hasCodePrefix = codeDigits !== "" && mask.startsWith(phoneCode);
  const template = hasCodePrefix ? mask.slice(phoneCode.length) : mask;
  const slots = template.split("").filter((char) => char === "9").length;

  let national = digits;
  if (hasCodePrefix) {
    const typedInternational = value.trim().startsWith("+");
    if (digits.startsWith(codeDigits) && (typedInternational || digits.length > slots)) {
      national = digits.slice(codeDigits.length);
    } else if (codeDigits === "7" && digits.length === slots + 1 && digits.startsWith("8")) {
      // Russian and Kazakh numbers are often written with the trunk prefix: 8 916 … = +7 916 …
      national = digits.slice(1);
    }
  }

  let formatted = hasCodePrefix ? phoneCode : "";
  let next = 0;
  for (const char of template) {
    if (next >= national.length) break;
    if (char === "9") formatted += national[next++];
    else formatted += char;
  }
  return formatted + national.slice(next);
}
