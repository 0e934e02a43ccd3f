// POST /api/v1/orders/{id}/notes (lib/api/operations.ts).
import { apiRoute } from "@/lib/api/api-route";

export const POST = apiRoute("addOrderNote");
