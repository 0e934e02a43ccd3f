import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-redirect";

describe("safeCallbackUrl", () => {
  it.each([
    ["/admin/orders", "/admin/orders"],
    ["https://evil.example/", "/admin"],
    ["//evil.example/", "/admin"],
    ["/\\evil.example", "/admin"],
    [undefined, "/admin"],
    [["/admin/x"], "/admin"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackUrl(input, "/admin")).toBe(expected);
  });
});
