// A co-owner total's product lines as the server hands them to the table's client body
// (coowners-rows.tsx): one text per total, a line per product, its cells separated by tabs. Not an
// array per line: Flight serializes, and the browser revives, every array element one by one (a
// year is hundreds of lines of seven cells), while a string goes through whole. Imported by both
// sides, so it is not part of the client module (whose exports the server sees only as references).

/** Product lines (each a row of cell texts) → one text; a tab or line break inside a cell becomes a space, as HTML shows it. */
export function encodeLines(lines: readonly (readonly string[])[]): string {
  const clean = (cell: string) => (cell.includes("\t") || cell.includes("\n") ? cell.replace(/[\t\n]/g, " ") : cell);
  return lines.map((cells) => cells.map(clean).join("\t")).join("\n");
}

/** The rows of cell texts back from `encodeLines`. */
export function decodeLines(text: string): string[][] {
  return text ? text.split("\n").map((line) => line.split("\t")) : [];
}
