// GET /api/v1/commissions/{id} (lib/api/operations.ts).
import { apiRoute } from "@/lib/api/api-route";

export const GET = apiRoute("getCommission");
