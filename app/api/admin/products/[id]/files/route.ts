// GET  /api/admin/products/<id>/files — the product's download files (JSON).
// POST /api/admin/products/<id>/files — uploads one file (OWNER and MANAGER). The request body
// is the file's bytes as they are (not multipart), streamed straight into the file store, so a
// large file never sits in memory and Server Actions' body limit does not apply; the name comes
// percent-encoded in the X-File-Name header (headers are ASCII), the type in Content-Type.
// 201 with the new file; 413 over FILE_MAX_BYTES (nothing kept); 422 for a bad name or an
// empty file; 404 for an unknown product.
import { NextResponse } from "next/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { uploadDigitalFile } from "@/lib/digital/upload-digital-file";
import { handle } from "@/lib/http";
import { listDigitalFiles } from "@/lib/products/list-digital-files";

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (_request: Request, { params }: Context) => {
  await assertStaff(sectionRoles("products"));
  const { id } = await params;
  return NextResponse.json({ files: await listDigitalFiles(id) });
});

export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await assertStaff(sectionRoles("products"));
  const { id } = await params;
  const length = request.headers.get("content-length");
  const file = await uploadDigitalFile(
    {
      productId: id,
      fileName: decodeFileName(request.headers.get("x-file-name")),
      contentType: request.headers.get("content-type"),
      declaredSize: length && /^\d+$/.test(length) ? Number(length) : null,
      body: request.body,
    },
    actor,
  );
  return NextResponse.json({ file }, { status: 201 });
});

function decodeFileName(header: string | null): string {
  if (!header) return "";
  try {
    return decodeURIComponent(header);
  } catch {
    return "";
  }
}
