// Adds a download file to a product: the bytes stream into the file store (size limit, SHA-256),
// then the DigitalFile row is written, last in the product's order. The product is checked
// before a byte is stored; a file whose row cannot be written is removed again, so the store
// keeps no orphans. Names are the uploader's, cleaned; the store key is random.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cleanContentType, cleanFileName } from "@/lib/files/file-name";
import { getFileStore, type FileSource, type FileStore } from "@/lib/files/file-store";
import { logger } from "@/lib/logger";
import { auditProduct, validationError, type ProductActor } from "@/lib/products/product-writes";
import type { DigitalFileRow } from "@/lib/products/list-digital-files";

/** A product has at most this many files (the download page and the mail list them all). */
export const MAX_FILES_PER_PRODUCT = 50;

const ZUploadDigitalFileInput = z.object({
  productId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/),
  fileName: z.string().max(2000),
  contentType: z.string().max(300).nullish(),
  /** The size the client announced (Content-Length), refused early when over the limit. */
  declaredSize: z.number().int().nonnegative().nullish(),
});

export interface UploadDigitalFileInput extends z.input<typeof ZUploadDigitalFileInput> {
  body: FileSource | null;
}

export async function uploadDigitalFile(input: UploadDigitalFileInput, actor: ProductActor, options: { store?: FileStore } = {}): Promise<DigitalFileRow> {
  const parsed = ZUploadDigitalFileInput.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", "Product not found");
  const { productId, declaredSize } = parsed.data;
  const fileName = cleanFileName(parsed.data.fileName);
  if (!fileName) throw validationError({ file: ["products.files.errors.nameInvalid"] });
  if (!input.body) throw validationError({ file: ["products.files.errors.empty"] });
  const store = options.store ?? getFileStore();
  if (declaredSize != null && declaredSize > store.maxBytes) throw tooLarge(store.maxBytes);

  const product = await db.product.findUnique({ where: { id: productId }, select: { id: true, _count: { select: { digitalFiles: true } } } });
  if (!product) throw new AppError("NOT_FOUND", "Product not found");
  if (product._count.digitalFiles >= MAX_FILES_PER_PRODUCT) throw validationError({ file: ["products.files.errors.tooMany"] });

  const stored = await store.put(input.body).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE") throw tooLarge(store.maxBytes);
    throw error;
  });
  if (stored.sizeBytes === 0) {
    await store.remove(stored.key);
    throw validationError({ file: ["products.files.errors.empty"] });
  }
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.digitalFile.aggregate({ where: { productId }, _max: { position: true } });
      const row = await tx.digitalFile.create({
        data: {
          productId,
          fileName,
          storageKey: stored.key,
          contentType: cleanContentType(parsed.data.contentType),
          sizeBytes: BigInt(stored.sizeBytes),
          sha256: stored.sha256,
          position: (last._max.position ?? -1) + 1,
        },
        select: { id: true, fileName: true, contentType: true, sizeBytes: true },
      });
      await auditProduct(tx, actor, "product.file_added", productId, { fileId: row.id, fileName, sizeBytes: stored.sizeBytes, sha256: stored.sha256 });
      return { ...row, sizeBytes: row.sizeBytes.toString() };
    });
  } catch (error) {
    await store.remove(stored.key).catch((removeError: unknown) => logger.error({ err: removeError, key: stored.key }, "could not remove an orphaned upload"));
    // The product was deleted while its file was uploading.
    if (error instanceof Error && "code" in error && error.code === "P2003") throw new AppError("NOT_FOUND", "Product not found");
    throw error;
  }
}

function tooLarge(maxBytes: number) {
  return new AppError("PAYLOAD_TOO_LARGE", `The file is larger than the limit of ${maxBytes} bytes`, { fieldErrors: { file: ["products.files.errors.tooLarge"] } });
}
