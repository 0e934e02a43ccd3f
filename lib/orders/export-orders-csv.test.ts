import { describe, expect, it } from "vitest";
import { csvLine, safeText } from "./export-orders-csv";

describe("csvLine (RFC 4180)", () => {
  it.each([
    [["a", "b", "c"], "a,b,c\r\n"],
    [["", "x", ""], ",x,\r\n"],
    [["with, comma"], '"with, comma"\r\n'],
    [['say "hi"'], '"say ""hi"""\r\n'],
    [["line\nbreak", "cr\rhere"], '"line\nbreak","cr\rhere"\r\n'],
    [["Иван Петров", "1950.00"], "Иван Петров,1950.00\r\n"],
  ])("%j → %j", (cells, expected) => {
    expect(csvLine(cells)).toBe(expected);
  });
});

describe("safeText (formula injection)", () => {
  it.each([
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
    ["+79161234501", "'+79161234501"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["Иван", "Иван"],
    ["a=b", "a=b"],
    ["", ""],
    [null, null],
  ])("%j → %j", (value, expected) => {
    expect(safeText(value)).toBe(expected);
  });
});
