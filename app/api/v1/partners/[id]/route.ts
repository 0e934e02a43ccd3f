// GET /api/v1/partners/{id} (lib/api/operations.ts).
import { apiRoute } from "@/lib/api/api-route";

export const GET = apiRoute("getPartner");
