// GET, POST /api/v1/customers/{id} (lib/api/operations.ts).
import { apiRoute } from "@/lib/api/api-route";

export const GET = apiRoute("getCustomer");
export const POST = apiRoute("updateCustomer");
