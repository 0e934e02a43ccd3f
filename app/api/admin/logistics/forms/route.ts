// GET /api/admin/logistics/forms?orders=<id,id,…>&forms=f7p,f112ep,f116,f103 — the chosen Russian
// Post forms of the chosen orders as one PDF download (logistics section: LOGISTICS, MANAGER,
// OWNER). An order a form cannot be printed for answers 422 with every order and reason, in the
// reader's language, and no PDF.
import { type NextRequest } from "next/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { handle } from "@/lib/http";
import { loadPostalFormOrders } from "@/lib/logistics/forms/load-postal-form-orders";
import { localisePostalFormError } from "@/lib/logistics/forms/localise-postal-form-error";
import { renderPostalForms, ZPostalForms } from "@/lib/logistics/forms/render-postal-forms";

const list = (value: string | null) =>
  (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

export const GET = handle(async (request: NextRequest) => {
  await assertStaff(sectionRoles("logistics"));
  const params = request.nextUrl.searchParams;
  try {
    const forms = ZPostalForms.parse(list(params.get("forms")));
    const orders = await loadPostalFormOrders(list(params.get("orders")));
    const pdf = await renderPostalForms({ orders, forms });
    const name = orders.length === 1 ? `order-${orders[0]!.orderNumber}` : `orders-${orders.length}`;
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${name}-${forms.join("-")}.pdf"`,
        "Content-Length": String(pdf.length),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    throw await localisePostalFormError(error);
  }
});
