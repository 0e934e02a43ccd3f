// DELETE /api/admin/products/<id>/files/<fileId> — removes a download file (OWNER and MANAGER).
// 204; 404 when the product has no such file.
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { deleteDigitalFile } from "@/lib/digital/delete-digital-file";
import { handle } from "@/lib/http";

export const DELETE = handle(async (_request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) => {
  const actor = await assertStaff(sectionRoles("products"));
  const { id, fileId } = await params;
  await deleteDigitalFile({ productId: id, fileId }, actor);
  return new Response(null, { status: 204 });
});
