// Settings → API → Reference (OWNER only): the REST API's reference, rendered on the server from
// the same OpenAPI document /api/v1/openapi.json serves (no script, so it works offline and under
// the admin's strict CSP): every operation with its scope, parameters, body and responses, then
// every object's fields.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { SettingsTabs } from "@/components/admin/settings/settings-tabs";
import { getOpenApiDocument } from "@/lib/api/openapi";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: Schema | boolean;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

function typeLabel(schema: Schema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeLabel).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes("array")) return `${typeLabel(schema.items)}[]`;
  if (types.includes("object") && !schema.properties && schema.additionalProperties)
    return `map of ${typeLabel(typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined)}`;
  return [...types.map((type) => (type === "string" && schema.format ? `${type} (${schema.format})` : type))].join(" | ") || "any";
}

function constraints(schema: Schema | undefined): string {
  if (!schema) return "";
  const parts: string[] = [];
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.maxLength !== undefined) parts.push(`≤ ${schema.maxLength} chars`);
  return parts.join(", ");
}

/** An object's fields as a table; nested objects (not references) as nested tables. */
function Fields({ schema }: { schema: Schema }) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return <p className="text-sm text-slate-600">{typeLabel(schema)}</p>;
  return (
    <table className="table text-sm">
      <tbody>
        {properties.map(([name, property]) => {
          const nested = property.type === "object" && property.properties ? property : property.type === "array" && property.items?.properties ? property.items : null;
          return (
            <tr key={name}>
              <td className="align-top font-mono text-xs whitespace-nowrap">
                {name}
                {schema.required?.includes(name) ? <span className="ml-1 text-red-600">*</span> : null}
              </td>
              <td className="align-top font-mono text-xs text-slate-600">{typeLabel(property)}</td>
              <td className="align-top text-slate-700">
                {property.description}
                {constraints(property) ? <span className="block text-xs text-slate-500">{constraints(property)}</span> : null}
                {nested ? (
                  <div className="mt-2">
                    <Fields schema={nested} />
                  </div>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export default async function ApiReferencePage() {
  await requireStaffPage(sectionRoles("settings"), "/admin/settings/api/reference");
  const [t, tSettings] = await Promise.all([getTranslations("settings.api"), getTranslations("settings")]);
  const document = JSON.parse(JSON.stringify(getOpenApiDocument())) as {
    info: { title: string; version: string; description?: string };
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
    tags?: { name: string }[];
  };
  const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })));
  const tags = document.tags?.map((tag) => tag.name) ?? [];
  return (
    <>
      <PageHeader title={tSettings("title")} />
      <SettingsTabs active="api" />
      <article className="flex flex-col gap-8" data-testid="api-reference">
        <header className="flex flex-col gap-2">
          <p className="text-sm">
            <Link href="/admin/settings/api" className="text-brand-700 hover:underline">
              ← {t("title")}
            </Link>
          </p>
          <h2 className="text-xl font-semibold">
            {document.info.title} <span className="text-sm font-normal text-slate-500">v{document.info.version}</span>
          </h2>
          {document.info.description?.split("\n\n").map((paragraph) => (
            <p key={paragraph} className="max-w-3xl text-sm text-slate-700">
              {paragraph}
            </p>
          ))}
          <p className="text-sm">
            <a href="/api/v1/openapi.json" className="text-brand-700 hover:underline">
              /api/v1/openapi.json
            </a>
          </p>
          <nav aria-label={t("operations")} className="flex flex-wrap gap-3 text-sm">
            {tags.map((tag) => (
              <a key={tag} href={`#tag-${tag}`} className="text-brand-700 hover:underline">
                {tag}
              </a>
            ))}
            <a href="#objects" className="text-brand-700 hover:underline">
              {t("objects")}
            </a>
          </nav>
        </header>
        {tags.map((tag) => (
          <section key={tag} id={`tag-${tag}`} aria-labelledby={`tag-${tag}-title`} className="flex flex-col gap-4">
            <h3 id={`tag-${tag}-title`} className="text-lg font-semibold">
              {tag}
            </h3>
            {operations
              .filter(({ operation }) => operation.tags?.includes(tag))
              .map(({ path, method, operation }) => {
                const body = operation.requestBody?.content["application/json"]?.schema;
                const bodySchema = body?.$ref ? document.components.schemas[refName(body.$ref)] : body;
                return (
                  <div key={operation.operationId} id={operation.operationId} className="card flex flex-col gap-3" data-testid="api-operation">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold ${method === "GET" ? "bg-sky-100 text-sky-800" : "bg-emerald-100 text-emerald-800"}`}>
                        {method}
                      </span>
                      <code className="font-mono text-sm">{path}</code>
                      <span className="text-sm font-medium text-slate-800">— {operation.summary}</span>
                    </div>
                    {operation.description?.split("\n\n").map((paragraph) => (
                      <p key={paragraph} className="text-sm text-slate-700">
                        {paragraph}
                      </p>
                    ))}
                    {operation.parameters?.length ? (
                      <div>
                        <h4 className="mb-1 text-sm font-semibold">{t("parameters")}</h4>
                        <table className="table text-sm">
                          <tbody>
                            {operation.parameters.map((parameter) => (
                              <tr key={`${parameter.in}:${parameter.name}`}>
                                <td className="font-mono text-xs whitespace-nowrap">
                                  {parameter.name}
                                  {parameter.required ? <span className="ml-1 text-red-600">*</span> : null}
                                </td>
                                <td className="text-xs text-slate-500">{parameter.in}</td>
                                <td className="font-mono text-xs text-slate-600">{typeLabel(parameter.schema)}</td>
                                <td className="text-slate-700">
                                  {parameter.description}
                                  {constraints(parameter.schema) ? <span className="block text-xs text-slate-500">{constraints(parameter.schema)}</span> : null}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    ) : null}
                    {bodySchema ? (
                      <div>
                        <h4 className="mb-1 text-sm font-semibold">{t("body")}</h4>
                        <Fields schema={bodySchema} />
                      </div>
                    ) : null}
                    <div>
                      <h4 className="mb-1 text-sm font-semibold">{t("responses")}</h4>
                      <ul className="flex flex-col gap-1 text-sm">
                        {Object.entries(operation.responses).map(([status, response]) => {
                          const schema = response.content?.["application/json"]?.schema;
                          return (
                            <li key={status}>
                              <span className="font-mono text-xs font-semibold">{status}</span> {response.description}
                              {schema?.$ref ? (
                                <a href={`#schema-${refName(schema.$ref)}`} className="ml-1 font-mono text-xs text-brand-700 hover:underline">
                                  {refName(schema.$ref)}
                                </a>
                              ) : null}
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  </div>
                );
              })}
          </section>
        ))}
        <section id="objects" aria-labelledby="objects-title" className="flex flex-col gap-4">
          <h3 id="objects-title" className="text-lg font-semibold">
            {t("objects")}
          </h3>
          {Object.entries(document.components.schemas).map(([name, schema]) => (
            <div key={name} id={`schema-${name}`} className="card flex flex-col gap-2">
              <h4 className="font-mono text-sm font-semibold">{name}</h4>
              {schema.description ? <p className="text-sm text-slate-700">{schema.description}</p> : null}
              <Fields schema={schema} />
            </div>
          ))}
        </section>
      </article>
    </>
  );
}
