// POST /api/v1/orders/{id}/tracking_number (lib/api/operations.ts).
import { apiRoute } from "@/lib/api/api-route";

export const POST = apiRoute("setOrderTrackingNumber");
