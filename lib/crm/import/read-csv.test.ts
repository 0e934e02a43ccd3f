import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ImportFileError } from "./import-file-error";
import { decodeCsv, detectDelimiter, detectEncoding, parseCsv, readCsv } from "./read-csv";

const utf8 = (text: string) => new TextEncoder().encode(text);
const cp1251 = (text: string) => iconv.encode(text, "windows-1251");
const problemOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ImportFileError) return { problem: error.problem, line: error.line };
    throw error;
  }
  throw new Error("expected an ImportFileError");
};

describe("detectEncoding", () => {
  it("tells UTF-8 with and without BOM, Windows-1251 and UTF-16LE apart", () => {
    expect(detectEncoding(utf8("ФИО;Телефон\nАнна;+79161234501\n"))).toBe("utf-8");
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("ФИО;Телефон\n")]))).toBe("utf-8");
    expect(detectEncoding(cp1251("ФИО;Телефон\nАнна;+79161234501\n"))).toBe("windows-1251");
    expect(detectEncoding(iconv.encode("\ufeffName\tPhone\n", "utf-16le"))).toBe("utf-16le");
  });

  it("refuses empty and binary files", () => {
    expect(problemOf(() => detectEncoding(new Uint8Array()))).toEqual({ problem: "empty" });
    expect(problemOf(() => detectEncoding(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08])))).toEqual({ problem: "binary" });
  });
});

describe("decodeCsv", () => {
  it("decodes Windows-1251 and drops a UTF-8 BOM", () => {
    expect(decodeCsv(cp1251("Ёлкина Анна"), "windows-1251")).toBe("Ёлкина Анна");
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("Имя")]), "utf-8")).toBe("Имя");
  });

  it("refuses UTF-8 chosen for a Windows-1251 file instead of showing mojibake", () => {
    expect(problemOf(() => decodeCsv(cp1251("Анна"), "utf-8"))).toEqual({ problem: "notUtf8" });
  });
});

describe("detectDelimiter", () => {
  it("picks the delimiter that splits every line alike", () => {
    expect(detectDelimiter("ФИО;Телефон;Город\nИванов, Иван;+7 916 123-45-01;Москва\nПетрова;8 916 1234502;Тула\n")).toBe(";");
    expect(detectDelimiter("name,phone\nAnna,+79161234501\n")).toBe(",");
    expect(detectDelimiter("name\tphone\tcity\nAnna\t+79161234501\tMoscow\n")).toBe("\t");
    expect(detectDelimiter('name,notes\n"Anna","a; b; c"\n')).toBe(",");
  });

  it("falls back to a comma for a single column", () => {
    expect(detectDelimiter("phone\n+79161234501\n")).toBe(",");
  });
});

describe("parseCsv", () => {
  it("reads quoted cells with delimiters and line breaks, pads short rows and skips blank lines", () => {
    const table = parseCsv('name;phone;notes\n"Иванов; Иван";+79161234501;"two\nlines"\n\nАнна;+79161234502\n', { delimiter: ";", hasHeader: true });
    expect(table.header).toEqual(["name", "phone", "notes"]);
    expect(table.rows).toEqual([
      ["Иванов; Иван", "+79161234501", "two\nlines"],
      ["Анна", "+79161234502", ""],
    ]);
  });

  it("refuses unbalanced quotes with the line, and a file with no data rows", () => {
    expect(problemOf(() => parseCsv('name,phone\n"Anna,+79161234501\nBoris,+79161234502\n', { delimiter: ",", hasHeader: true })).problem).toBe("brokenCsv");
    expect(problemOf(() => parseCsv("name,phone\n", { delimiter: ",", hasHeader: true }))).toEqual({ problem: "noRows" });
  });

  it("refuses a file over the row limit as a whole", () => {
    const text = ["phone", ...Array.from({ length: 11 }, (_, index) => `+7916123450${index % 10}`)].join("\n");
    expect(problemOf(() => parseCsv(text, { delimiter: ",", hasHeader: true, maxRows: 10 }))).toEqual({ problem: "tooManyRows" });
    expect(parseCsv(text, { delimiter: ",", hasHeader: true, maxRows: 11 }).rows).toHaveLength(11);
  });
});

describe("readCsv", () => {
  it("guesses the format of a Windows-1251 semicolon export", () => {
    const table = readCsv(cp1251("ФИО;Телефон\nЁлкина Анна;8 (916) 123-45-01\n"));
    expect(table).toMatchObject({ encoding: "windows-1251", delimiter: ";", header: ["ФИО", "Телефон"], rows: [["Ёлкина Анна", "8 (916) 123-45-01"]] });
  });
});
