import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createKeyedTtlCache, createTtlCache } from "./ttl-cache";

let name = 0;
const uniqueName = () => `test-${++name}`;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("createTtlCache", () => {
  it("loads once while fresh, and again after the TTL", async () => {
    let loads = 0;
    const cache = createTtlCache(uniqueName(), 5_000, async () => ++loads);
    expect(await cache.get()).toBe(1);
    vi.advanceTimersByTime(4_999);
    expect(await cache.get()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await cache.get()).toBe(2);
  });

  it("shares one load between concurrent readers", async () => {
    const load = vi.fn(async () => "value");
    const cache = createTtlCache(uniqueName(), 5_000, load);
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect([a, b]).toEqual(["value", "value"]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("clear and fresh load again", async () => {
    let loads = 0;
    const cache = createTtlCache(uniqueName(), 5_000, async () => ++loads);
    await cache.get();
    cache.clear();
    expect(await cache.get()).toBe(2);
    expect(await cache.get({ fresh: true })).toBe(3);
    expect(await cache.get()).toBe(3);
  });

  it("does not keep a failed load", async () => {
    let fail = true;
    const cache = createTtlCache(uniqueName(), 5_000, async () => {
      if (fail) throw new Error("down");
      return "ok";
    });
    await expect(cache.get()).rejects.toThrow("down");
    fail = false;
    expect(await cache.get()).toBe("ok");
  });

  it("is shared by caches of the same name (a module loaded twice)", async () => {
    const shared = uniqueName();
    const first = createTtlCache(shared, 5_000, async () => "first");
    const second = createTtlCache(shared, 5_000, async () => "second");
    expect(await first.get()).toBe("first");
    expect(await second.get()).toBe("first");
    second.clear();
    expect(await first.get()).toBe("first");
    expect(await second.get()).toBe("first");
  });
});

describe("createKeyedTtlCache", () => {
  it("caches by key, drops values it should not keep, and stays bounded", async () => {
    const load = vi.fn(async (key: string) => (key.startsWith("missing") ? null : key.toUpperCase()));
    const cache = createKeyedTtlCache(uniqueName(), 5_000, load, { maxEntries: 2, keep: (value) => value !== null });
    expect(await cache.get("a")).toBe("A");
    expect(await cache.get("a")).toBe("A");
    expect(load).toHaveBeenCalledTimes(1);

    expect(await cache.get("missing")).toBeNull();
    await Promise.resolve();
    await cache.get("missing");
    expect(load).toHaveBeenCalledTimes(3);

    await cache.get("b");
    await cache.get("c"); // evicts "a", the oldest
    await cache.get("a");
    expect(load).toHaveBeenCalledTimes(6);
  });
});
