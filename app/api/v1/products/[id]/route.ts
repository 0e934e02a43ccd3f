// GET /api/v1/products/{id} (lib/api/operations.ts).
import { apiRoute } from "@/lib/api/api-route";

export const GET = apiRoute("getProduct");
