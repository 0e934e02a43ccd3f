import { describe, expect, it } from "vitest";
import { cleanContentType, cleanFileName, MAX_FILE_NAME_LENGTH } from "./file-name";

describe("cleanFileName", () => {
  it.each<[string, string | null]>([
    ["lesson-1.pdf", "lesson-1.pdf"],
    ["  Урок   2.mp4 ", "Урок 2.mp4"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\me\\book.epub", "book.epub"],
    ["a\u0000b\r\n.txt", "ab.txt"],
    ["evil\u202Etxt.exe", "eviltxt.exe"],
    ["..", null],
    ["dir/", null],
    ["", null],
    ["   ", null],
  ])("%j → %j", (raw, expected) => {
    expect(cleanFileName(raw)).toBe(expected);
  });

  it("shortens a long name and keeps its extension", () => {
    const cleaned = cleanFileName(`${"x".repeat(300)}.tar.gz`)!;
    expect(cleaned).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(cleaned.endsWith(".gz")).toBe(true);
  });
});

describe("cleanContentType", () => {
  it.each<[string | null, string]>([
    ["application/pdf", "application/pdf"],
    ["Text/Plain; charset=UTF-8", "text/plain"],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["", "application/octet-stream"],
    [null, "application/octet-stream"],
    ["text/html\r\nX: y", "application/octet-stream"],
    ["nonsense", "application/octet-stream"],
  ])("%j → %j", (raw, expected) => {
    expect(cleanContentType(raw)).toBe(expected);
  });
});
