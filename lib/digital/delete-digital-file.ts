// Removes a download file from a product: the row first (in a transaction with the audit row),
// the bytes after the commit — a crash in between leaves an unreferenced file, never a row
// pointing at nothing. The file is looked up by id AND product, so one product's editor cannot
// delete another's file.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getFileStore, type FileStore } from "@/lib/files/file-store";
import { logger } from "@/lib/logger";
import { auditProduct, type ProductActor } from "@/lib/products/product-writes";

const ZId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/);
const ZDeleteDigitalFileInput = z.object({ productId: ZId, fileId: ZId });

export async function deleteDigitalFile(input: z.input<typeof ZDeleteDigitalFileInput>, actor: ProductActor, options: { store?: FileStore } = {}): Promise<void> {
  const parsed = ZDeleteDigitalFileInput.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", "File not found");
  const { productId, fileId } = parsed.data;
  const removed = await db.$transaction(async (tx) => {
    const file = await tx.digitalFile.findFirst({ where: { id: fileId, productId }, select: { id: true, fileName: true, storageKey: true } });
    if (!file) throw new AppError("NOT_FOUND", "File not found");
    await tx.digitalFile.delete({ where: { id: file.id }, select: { id: true } });
    await auditProduct(tx, actor, "product.file_deleted", productId, { fileId: file.id, fileName: file.fileName });
    return file;
  });
  // Copies of a product share no files (copy-product copies no files), so the bytes are this row's alone.
  await (options.store ?? getFileStore()).remove(removed.storageKey).catch((error: unknown) => {
    logger.error({ err: error, key: removed.storageKey }, "could not remove a deleted file's bytes");
  });
}
