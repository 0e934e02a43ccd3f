// GET /api/admin/logistics/batches/<id>/forms?forms=f103,f7p,f112ep[,f116] — a shipping batch's
// forms as one PDF: the f.103 list under the batch's number and ship date, with the weights,
// declared values and postal fees of the batch (as corrected on its page), and the chosen forms
// of every parcel in list order (logistics section: LOGISTICS, MANAGER, OWNER). An order a form
// cannot be printed for answers 422 with every order and reason, in the reader's language, and
// no PDF.
import { type NextRequest } from "next/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { handle } from "@/lib/http";
import { getShippingBatchOrThrow } from "@/lib/logistics/batches/get-shipping-batch";
import { loadPostalFormOrders } from "@/lib/logistics/forms/load-postal-form-orders";
import { localisePostalFormError } from "@/lib/logistics/forms/localise-postal-form-error";
import { renderPostalForms, ZPostalForms } from "@/lib/logistics/forms/render-postal-forms";

export const GET = handle(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await assertStaff(sectionRoles("logistics"));
  const batch = await getShippingBatchOrThrow((await params).id, { id: actor.id, role: actor.role });
  const forms = ZPostalForms.parse(
    (request.nextUrl.searchParams.get("forms") ?? "f103,f7p,f112ep")
      .split(",")
      .map((form) => form.trim())
      .filter(Boolean),
  );
  let pdf: Buffer;
  try {
    const entries = new Map(batch.orders.map((entry) => [entry.order.id, entry]));
    const orders = (await loadPostalFormOrders(batch.orders.map((entry) => entry.order.id))).map((order) => {
      const entry = entries.get(order.orderId)!;
      return { ...order, weightGrams: entry.weightGrams, declaredValue: entry.declaredValue, fees: { postage: entry.postageFee, declaredValue: entry.declaredValueFee } };
    });
    pdf = await renderPostalForms({ orders, forms, batch: { number: String(batch.number), date: batch.shipDate } });
  } catch (error) {
    throw await localisePostalFormError(error);
  }
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="batch-${batch.number}-${forms.join("-")}.pdf"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
