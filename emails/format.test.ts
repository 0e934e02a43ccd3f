import { describe, expect, it } from "vitest";
import { formatEmailDateTime, toParagraphs } from "./format";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("toParagraphs", () => {
  it.each([
    [undefined, []],
    ["", []],
    ["One.", ["One."]],
    ["One.\nStill one.", ["One.\nStill one."]],
    ["One.\n\nTwo.", ["One.", "Two."]],
    ["One.\r\n \r\nTwo.\n\n\n\nThree.  ", ["One.", "Two.", "Three."]],
  ] as const)("%j → %j", (text, expected) => {
    expect(toParagraphs(text)).toEqual(expected);
  });
});

describe("formatEmailDateTime", () => {
  const instant = new Date("2025-12-03T11:00:00Z");
  it("formats in the reader's language and the given zone, naming the zone", () => {
    expect(plain(formatEmailDateTime(instant, "ru", "Europe/Moscow"))).toBe("3 декабря 2025 г. в 14:00 GMT+3");
    expect(plain(formatEmailDateTime(instant, "en", "UTC"))).toBe("December 3, 2025 at 11:00 AM UTC");
  });
});
