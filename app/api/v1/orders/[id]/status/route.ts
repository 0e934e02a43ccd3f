// POST /api/v1/orders/{id}/status (lib/api/operations.ts).
import { apiRoute } from "@/lib/api/api-route";

export const POST = apiRoute("changeOrderStatus");
