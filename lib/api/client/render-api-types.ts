// TypeScript types of the REST API for openapi-fetch clients, generated from the OpenAPI
// document by openapi-typescript (written to lib/api/client/api-v1.d.ts by
// `npm run api:types`; the API test checks the file is current).
import openapiTS, { astToString } from "openapi-typescript";
import { format, resolveConfig } from "prettier";
import { getOpenApiDocument } from "../openapi";

export const API_TYPES_FILE = "lib/api/client/api-v1.d.ts";

export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(getOpenApiDocument())));
  const header = "// Generated from /api/v1/openapi.json by `npm run api:types` (openapi-typescript). Do not edit.\n";
  return format(header + astToString(ast), { ...(await resolveConfig(API_TYPES_FILE)), parser: "typescript" });
}
