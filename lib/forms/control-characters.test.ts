import { describe, expect, it } from "vitest";
import { hasControlCharacters } from "./control-characters";

describe("hasControlCharacters", () => {
  it.each([
    ["a\u0000b", true],
    ["\u0007", true],
    ["\u001B[31m", true],
    ["\u007F", true],
    ["line\nbreak\r\nand\ttab", false],
    ["Иван Петров 😀 ‮", false],
    ["", false],
  ])("%j → %s", (value, expected) => {
    expect(hasControlCharacters(value)).toBe(expected);
  });
});
