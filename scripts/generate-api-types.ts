// npm run api:types — regenerates lib/api/client/api-v1.d.ts from the REST API's OpenAPI document.
import { writeFile } from "node:fs/promises";
import { API_TYPES_FILE, renderApiTypes } from "@/lib/api/client/render-api-types";

await writeFile(API_TYPES_FILE, await renderApiTypes());
console.log(`wrote ${API_TYPES_FILE}`);
