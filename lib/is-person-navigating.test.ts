import { describe, expect, it } from "vitest";
import { isPersonNavigating } from "./is-person-navigating";

const headers = (values: Record<string, string>) => new Headers(values);

describe("isPersonNavigating", () => {
  it.each([
    [{ "sec-fetch-mode": "navigate", "sec-fetch-dest": "document", "sec-fetch-user": "?1" }, true],
    [{ "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" }, true],
    [{ "sec-fetch-mode": "navigate", "sec-fetch-dest": "iframe" }, false],
    [{ "sec-fetch-mode": "no-cors", "sec-fetch-dest": "image" }, false],
    [{ "sec-fetch-mode": "navigate", "sec-fetch-dest": "document", "sec-purpose": "prefetch;prerender" }, false],
    [{ purpose: "preview", "sec-fetch-mode": "navigate" }, false],
    [{}, false], // curl, mail scanners: no Sec-Fetch headers at all
  ])("%o → %s", (values, expected) => {
    expect(isPersonNavigating(headers(values))).toBe(expected);
  });
});
