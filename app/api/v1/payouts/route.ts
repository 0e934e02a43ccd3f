// GET /api/v1/payouts (lib/api/operations.ts).
import { apiRoute } from "@/lib/api/api-route";

export const GET = apiRoute("listPayouts");
