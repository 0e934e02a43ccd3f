// How the import's format travels in its page URL (?encoding=…&delimiter=semicolon&header=1&map=…):
// delimiters by name, since a tab or a semicolon in a query string is easy to lose.
import type { ImportDelimiter } from "@/lib/crm/import/import-fields";

export const DELIMITER_NAMES = { ",": "comma", ";": "semicolon", "\t": "tab" } as const satisfies Record<ImportDelimiter, string>;
export type DelimiterName = (typeof DELIMITER_NAMES)[ImportDelimiter];

export function delimiterOfName(name: string | undefined): ImportDelimiter | undefined {
  return (Object.entries(DELIMITER_NAMES) as [ImportDelimiter, string][]).find(([, value]) => value === name)?.[0];
}
