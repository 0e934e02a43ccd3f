import { describe, expect, it } from "vitest";
import { percentText } from "./percent-text";

describe("percentText", () => {
  it.each([
    [3000, "30"],
    [10_000, "100"],
    [1250, "12.5"],
    [1, "0.01"],
    [50, "0.5"],
    [0, "0"],
  ])("%i bp → %s %%", (basisPoints, text) => expect(percentText(basisPoints)).toBe(text));
});
