// GET /api/v1/openapi.json — the REST API's OpenAPI 3.1 document (public, like the API's docs).
import { getOpenApiDocument } from "@/lib/api/openapi";

export function GET() {
  return Response.json(getOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } });
}
