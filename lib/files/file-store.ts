// The file store of digital goods: bytes in a local directory (FILE_STORAGE_DIR), addressed by
// random keys — never by the uploader's file name, so no name can reach outside the directory or
// overwrite another file. A write streams to a temporary file in the store's own `.tmp/` (same
// file system), hashing and counting on the way, and is renamed into place only when complete:
// a reader never sees half a file, and a failed or oversized upload leaves nothing behind.
// Reads stream too. The database keeps the key, size and SHA-256 (DigitalFile).
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** 128 random bits in hex: unguessable and safe as a path segment. */
const KEY_PATTERN = /^[0-9a-f]{32}$/;

export interface StoredFile {
  key: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes as stored. */
  sha256: string;
}

export interface OpenedFile {
  stream: Readable;
  sizeBytes: number;
}

export type FileSource = AsyncIterable<Uint8Array> | NodeJS.ReadableStream | ReadableStream<Uint8Array>;

/** A file over the store's limit: nothing was kept. */
export class FileTooLargeError extends AppError {
  constructor(readonly maxBytes: number) {
    super("PAYLOAD_TOO_LARGE", `The file is larger than the limit of ${maxBytes} bytes`);
    this.name = "FileTooLargeError";
  }
}

export function isFileKey(key: unknown): key is string {
  return typeof key === "string" && KEY_PATTERN.test(key);
}

export function newFileKey(): string {
  return randomBytes(16).toString("hex");
}

/** Counts and hashes the bytes passing through; fails as soon as they exceed `maxBytes`. */
class MeasuringStream extends Transform {
  sizeBytes = 0;
  private readonly hash = createHash("sha256");

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.sizeBytes += chunk.length;
    if (this.sizeBytes > this.maxBytes) {
      callback(new FileTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest() {
    return this.hash.digest("hex");
  }
}

export interface FileStore {
  readonly dir: string;
  readonly maxBytes: number;
  /** Streams `source` into a new file; throws FileTooLargeError (nothing kept) over the limit. */
  put(source: FileSource, options?: { maxBytes?: number }): Promise<StoredFile>;
  /** A read stream and the size; NOT_FOUND for an unknown or malformed key. */
  open(key: string): Promise<OpenedFile>;
  /** Size of a stored file, or null when there is none. */
  size(key: string): Promise<number | null>;
  /** Removes a file; a missing one is not an error (deletes may be retried). */
  remove(key: string): Promise<void>;
}

export function createFileStore(options: { dir: string; maxBytes: number }): FileStore {
  const dir = path.resolve(options.dir);
  const tmpDir = path.join(dir, ".tmp");

  // Two hex characters of fan-out keep directories small with many files.
  const pathOf = (key: string) => {
    if (!isFileKey(key)) throw new AppError("NOT_FOUND", "File not found");
    return path.join(dir, key.slice(0, 2), key);
  };

  return {
    dir,
    maxBytes: options.maxBytes,

    async put(source, putOptions = {}) {
      const maxBytes = Math.min(putOptions.maxBytes ?? options.maxBytes, options.maxBytes);
      const key = newFileKey();
      const target = pathOf(key);
      const temporary = path.join(tmpDir, `${key}.part`);
      await mkdir(tmpDir, { recursive: true });
      await mkdir(path.dirname(target), { recursive: true });
      const measuring = new MeasuringStream(maxBytes);
      try {
        // flags "wx": a temporary name is never shared, and never follows an existing file.
        await pipeline(source as AsyncIterable<Uint8Array>, measuring, createWriteStream(temporary, { flags: "wx" }));
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return { key, sizeBytes: measuring.sizeBytes, sha256: measuring.digest() };
    },

    async open(key) {
      const file = pathOf(key);
      const sizeBytes = await sizeOf(file);
      if (sizeBytes === null) throw new AppError("NOT_FOUND", "File not found");
      return { stream: createReadStream(file), sizeBytes };
    },

    async size(key) {
      return isFileKey(key) ? sizeOf(pathOf(key)) : null;
    },

    async remove(key) {
      if (!isFileKey(key)) return;
      await rm(pathOf(key), { force: true });
    },
  };
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

let cached: FileStore | undefined;

/** The store of this process, configured by FILE_STORAGE_DIR and FILE_MAX_BYTES. */
export function getFileStore(): FileStore {
  const env = getEnv();
  cached ??= createFileStore({ dir: env.FILE_STORAGE_DIR, maxBytes: env.FILE_MAX_BYTES });
  return cached;
}
