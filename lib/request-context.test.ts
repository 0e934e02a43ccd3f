import { describe, expect, it } from "vitest";
import { currentRequestId, requestIdFrom, runWithRequestId } from "./request-context";

describe("requestIdFrom", () => {
  it("keeps a trusted proxy's plausible id", () => {
    expect(requestIdFrom("lb-7f3a9c01", true)).toBe("lb-7f3a9c01");
    expect(requestIdFrom(["abcdef012345", "other"], true)).toBe("abcdef012345");
  });

  it.each([
    ["from the client", "lb-7f3a9c01", false],
    ["too short", "abc", true],
    ["with a line break", "abcdefgh\nforged", true],
    ["with spaces", "abc def ghi jkl", true],
    ["missing", undefined, true],
  ])("makes a new uuid when the header is %s", (_case, header, trusted) => {
    const id = requestIdFrom(header, trusted);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).not.toBe(header);
  });
});

describe("runWithRequestId", () => {
  it("is seen through awaits inside, and not outside or in a concurrent request", async () => {
    const seen: (string | undefined)[] = [];
    await Promise.all([
      runWithRequestId("request-aaaa", async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(currentRequestId());
      }),
      runWithRequestId("request-bbbb", async () => {
        seen.push(currentRequestId());
      }),
    ]);
    expect(seen.sort()).toEqual(["request-aaaa", "request-bbbb"]);
    expect(currentRequestId()).toBeUndefined();
  });
});
