// GET /api/v1/commissions (lib/api/operations.ts).
import { apiRoute } from "@/lib/api/api-route";

export const GET = apiRoute("listCommissions");
