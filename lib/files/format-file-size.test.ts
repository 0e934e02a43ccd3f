import { describe, expect, it } from "vitest";
import { formatFileSize } from "./format-file-size";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatFileSize", () => {
  it.each<[number | string | bigint, string]>([
    [0, "0 bytes"],
    [1, "1 byte"],
    [1023, "1,023 bytes"],
    [1024, "1 kB"],
    [1536, "1.5 kB"],
    ["5242880", "5 MB"],
    [10n * 1024n * 1024n * 1024n, "10 GB"],
    [-5, "0 bytes"],
  ])("%s bytes in English: %s", (size, expected) => {
    expect(plain(formatFileSize(size, "en"))).toBe(expected);
  });

  it("speaks Russian", () => {
    expect(plain(formatFileSize(1536, "ru"))).toBe("1,5 кБ");
    expect(plain(formatFileSize(3 * 1024 * 1024, "ru"))).toBe("3 МБ");
  });
});
