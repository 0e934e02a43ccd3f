// The file store against a real temporary directory: random keys, exact size and SHA-256,
// atomic writes (no partial or temporary file survives a failure), the size limit, streamed reads.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFileStore, FileTooLargeError, isFileKey, type FileStore } from "./file-store";

let dir = "";
let store: FileStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lavka-files-"));
  // A directory that does not exist yet: the store creates it on the first write.
  store = createFileStore({ dir: path.join(dir, "store"), maxBytes: 1024 });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

async function readAll(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every regular file under the store, relative paths. */
async function filesUnder(root: string) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

describe("put", () => {
  it("stores the bytes under a random key, with their size and SHA-256", async () => {
    const data = Buffer.from("license: ABC-123\n".repeat(20));
    const stored = await store.put(Readable.from([data.subarray(0, 100), data.subarray(100)]));
    expect(isFileKey(stored.key)).toBe(true);
    expect(stored).toMatchObject({ sizeBytes: data.length, sha256: sha256(data) });
    expect(await readFile(path.join(store.dir, stored.key.slice(0, 2), stored.key))).toEqual(data);
    // Only the file itself: no temporary left behind.
    expect(await filesUnder(store.dir)).toEqual([path.join(stored.key.slice(0, 2), stored.key)]);
  });

  it("accepts a web ReadableStream (a request body) and an empty file", async () => {
    const web = new Blob([Buffer.from("hello")]).stream();
    expect(await store.put(web)).toMatchObject({ sizeBytes: 5, sha256: sha256(Buffer.from("hello")) });
    expect(await store.put(Readable.from([]))).toMatchObject({ sizeBytes: 0, sha256: sha256(Buffer.alloc(0)) });
  });

  it("gives two writes of the same bytes two keys", async () => {
    const first = await store.put(Readable.from([Buffer.from("same")]));
    const second = await store.put(Readable.from([Buffer.from("same")]));
    expect(first.key).not.toBe(second.key);
    expect(first.sha256).toBe(second.sha256);
  });

  it("refuses a file over the limit with FileTooLargeError (413) and keeps nothing", async () => {
    const exactly = await store.put(Readable.from([Buffer.alloc(1024, 1)]));
    expect(exactly.sizeBytes).toBe(1024);
    const before = await filesUnder(store.dir);
    const error = await store.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(error).toMatchObject({ status: 413, maxBytes: 1024 });
    expect(await filesUnder(store.dir)).toEqual(before);
  });

  it("takes a per-call limit below the store's, never above", async () => {
    await expect(store.put(Readable.from([Buffer.alloc(11)]), { maxBytes: 10 })).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(store.put(Readable.from([Buffer.alloc(2000)]), { maxBytes: 10_000 })).rejects.toBeInstanceOf(FileTooLargeError);
  });

  it("keeps nothing when the source fails half-way", async () => {
    async function* broken() {
      yield Buffer.from("first half");
      throw new Error("connection reset");
    }
    await expect(store.put(broken())).rejects.toThrow("connection reset");
    expect(await filesUnder(store.dir)).toEqual([]);
  });
});

describe("open, size, remove", () => {
  it("streams a stored file back with its size", async () => {
    const data = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 256));
    const { key } = await store.put(Readable.from([data]));
    const opened = await store.open(key);
    expect(opened.sizeBytes).toBe(1000);
    expect(await readAll(opened.stream)).toEqual(data);
    expect(await store.size(key)).toBe(1000);
  });

  it.each(["../../etc/passwd", "ABCDEF", "", "0".repeat(31), `${"a".repeat(32)}/x`])("treats the malformed key %j as not found", async (key) => {
    await expect(store.open(key)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await store.size(key)).toBeNull();
    await expect(store.remove(key)).resolves.toBeUndefined();
  });

  it("reports a well-formed but unknown key as not found", async () => {
    await expect(store.open("0".repeat(32))).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
  });

  it("removes a file, and removing it again is fine", async () => {
    const { key } = await store.put(Readable.from([Buffer.from("x")]));
    await store.remove(key);
    expect(await store.size(key)).toBeNull();
    await expect(store.remove(key)).resolves.toBeUndefined();
  });
});
