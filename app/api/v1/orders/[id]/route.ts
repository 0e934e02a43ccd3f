// GET /api/v1/orders/{id} (lib/api/operations.ts).
import { apiRoute } from "@/lib/api/api-route";

export const GET = apiRoute("getOrder");
