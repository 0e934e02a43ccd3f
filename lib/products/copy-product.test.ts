import { describe, expect, it } from "vitest";
import { nextCopySlug } from "./copy-product";

describe("nextCopySlug", () => {
  it.each([
    ["casio", [], "casio-copy"],
    ["casio", ["casio-copy"], "casio-copy-2"],
    ["casio", ["casio-copy", "casio-copy-2"], "casio-copy-3"],
    ["casio-copy", ["casio-copy"], "casio-copy-2"],
    ["casio-copy-2", ["casio-copy", "casio-copy-2"], "casio-copy-3"],
  ])("%s with %j taken → %s", (slug, taken, expected) => expect(nextCopySlug(slug, new Set(taken))).toBe(expected));
});
