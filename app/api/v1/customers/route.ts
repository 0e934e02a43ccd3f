// GET, POST /api/v1/customers (lib/api/operations.ts).
import { apiRoute } from "@/lib/api/api-route";

export const GET = apiRoute("listCustomers");
export const POST = apiRoute("createCustomer");
