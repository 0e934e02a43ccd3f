// The download files of a digital product, as the editor lists them. Sizes leave as strings:
// the column is a BigInt, which cannot cross to a client component or JSON as is.
import { db } from "@/lib/db";

export interface DigitalFileRow {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: string;
}

export async function listDigitalFiles(productId: string): Promise<DigitalFileRow[]> {
  const files = await db.digitalFile.findMany({
    where: { productId },
    select: { id: true, fileName: true, contentType: true, sizeBytes: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return files.map((file) => ({ ...file, sizeBytes: file.sizeBytes.toString() }));
}
