// Short-lived per-process caches for reference data read on every request (shop settings, rates,
// checkout countries and products). Each cache keeps the promise of its load, so concurrent
// readers share one query; a failed load is not kept, so the next reader tries again. The state
// lives on globalThis under the cache's name: Next.js may load a module more than once in a
// process (route bundles, hot reloads, the production server's fast path), and a clear must reach
// every copy.

export interface TtlCache<T> {
  /** The cached value while it is fresh, else a new load. `fresh` always loads (and keeps the result). */
  get(options?: { fresh?: boolean }): Promise<T>;
  /** Forget the value (after an update, and in tests). */
  clear(): void;
}

export interface KeyedTtlCache<K, T> {
  /** The cached value of `key` while it is fresh, else a new load. `fresh` always loads (and keeps the result). */
  get(key: K, options?: { fresh?: boolean }): Promise<T>;
  /** Forget every value. */
  clear(): void;
}

interface Entry<T> {
  value: Promise<T>;
  loadedAt: number;
}

const store = globalThis as unknown as { lavkaTtlCaches?: Map<string, Map<unknown, Entry<unknown>>> };

function entriesOf<K, T>(name: string): Map<K, Entry<T>> {
  const caches = (store.lavkaTtlCaches ??= new Map());
  let entries = caches.get(name);
  if (!entries) caches.set(name, (entries = new Map()));
  return entries as Map<K, Entry<T>>;
}

/**
 * A cache of values by key, each kept for `ttlMs` after its load started. `keep` decides whether a
 * loaded value stays (say, not a "not found" anyone can ask for); `maxEntries` bounds the map
 * (the oldest entry goes first).
 */
export function createKeyedTtlCache<K, T>(
  name: string,
  ttlMs: number,
  load: (key: K) => Promise<T>,
  options: { maxEntries?: number; keep?: (value: T) => boolean } = {},
): KeyedTtlCache<K, T> {
  return {
    get(key, { fresh = false } = {}) {
      const entries = entriesOf<K, T>(name);
      const cached = entries.get(key);
      if (!fresh && cached && Date.now() - cached.loadedAt < ttlMs) return cached.value;
      const value = load(key);
      entries.delete(key);
      if (options.maxEntries !== undefined && entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, loadedAt: Date.now() });
      const forget = () => {
        if (entries.get(key)?.value === value) entries.delete(key);
      };
      value.then((loaded) => {
        if (options.keep && !options.keep(loaded)) forget();
      }, forget);
      return value;
    },
    clear() {
      entriesOf(name).clear();
    },
  };
}

/** A cache of one value, kept for `ttlMs` after its load started. */
export function createTtlCache<T>(name: string, ttlMs: number, load: () => Promise<T>): TtlCache<T> {
  const cache = createKeyedTtlCache<"value", T>(name, ttlMs, () => load());
  return {
    get: (options) => cache.get("value", options),
    clear: () => cache.clear(),
  };
}
