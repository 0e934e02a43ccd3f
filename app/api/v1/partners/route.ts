// GET /api/v1/partners (lib/api/operations.ts).
import { apiRoute } from "@/lib/api/api-route";

export const GET = apiRoute("listPartners");
