// POST /api/admin/customers/imports — uploads a customer CSV (MANAGER and OWNER). The body is
// the file's bytes as they are (not multipart), streamed into the file store with the import's
// size limit; the name comes percent-encoded in X-File-Name, the encoding and delimiter the user
// chose (or nothing: guessed) in ?encoding= and ?delimiter= ("tab" for a tab). 201 with the
// import's id; 413 over the limit; 422 with `problem` (crmImport.errors.*) and the line for a
// file that cannot be imported — nothing is kept then.
import { NextResponse } from "next/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientIpFrom } from "@/lib/client-ip";
import { ImportFileError } from "@/lib/crm/import/import-file-error";
import { uploadCustomerImport } from "@/lib/crm/import/upload-customer-import";
import { handle } from "@/lib/http";

export const POST = handle(async (request: Request) => {
  const actor = await assertStaff(sectionRoles("customers"));
  const url = new URL(request.url);
  const length = request.headers.get("content-length");
  const encoding = url.searchParams.get("encoding") || null;
  const delimiter = url.searchParams.get("delimiter");
  try {
    const created = await uploadCustomerImport(
      {
        fileName: decodeFileName(request.headers.get("x-file-name")),
        declaredSize: length && /^\d+$/.test(length) ? Number(length) : null,
        encoding,
        delimiter: delimiter === "tab" ? "\t" : delimiter || null,
        body: request.body,
      },
      actor,
      { ip: clientIpFrom(request.headers) },
    );
    return NextResponse.json({ id: created.id }, { status: 201 });
  } catch (error) {
    if (error instanceof ImportFileError) {
      return NextResponse.json({ error: { code: error.code, message: error.message, problem: error.problem, line: error.line ?? null } }, { status: error.status });
    }
    throw error;
  }
});

function decodeFileName(header: string | null): string {
  if (!header) return "";
  try {
    return decodeURIComponent(header);
  } catch {
    return "";
  }
}
