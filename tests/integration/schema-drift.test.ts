// The migrated database must be exactly the database schema.prisma describes. Migrations are
// hand-written SQL (Prisma's schema engine cannot be downloaded here), so this test is what keeps
// the two from drifting apart.
//
// Expected side: Prisma's own reading of schema.prisma (its DMMF), obtained through the Prisma
// CLI and the generator protocol (see loadDatamodel), then rendered with Prisma Migrate's
// PostgreSQL conventions (types, defaults, constraint and index names).
// Actual side: the PostgreSQL catalogue of the database migrated by tests/helpers/global-setup.ts.
// Both are reduced to the same plain shape and compared in both directions, so a missing and an
// unexpected table, column, enum value, index or foreign key are all reported.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { recreateDatabase, withDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated. */
const MAX_IDENTIFIER_LENGTH = 63;
/** Tables that are not models: the migration runner's bookkeeping. */
const NON_MODEL_TABLES = new Set(["_prisma_migrations"]);

// ───────────────────────────── The part of Prisma's DMMF this test reads ─────────────────────────────

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}

interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
}

interface Datamodel {
  models: DmmfModel[];
  enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
  indexes: DmmfIndex[];
}

/**
 * Prisma's DMMF of schema.prisma. `@prisma/internals` (getDMMF) is not a dependency, so we ask the
 * installed Prisma CLI: a copy of the schema whose only generator is a ten-line script speaking
 * Prisma's generator protocol (JSON-RPC over stdin/stderr) receives the DMMF and writes it out.
 * This is the same parse `prisma generate` does, so the test can never disagree with the client.
 */
async function loadDatamodel(schemaPath: string): Promise<Datamodel> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lavka-dmmf-"));
  try {
    const generatorPath = path.join(dir, "dump-dmmf.mjs");
    const outputPath = path.join(dir, "dmmf.json");
    await writeFile(
      generatorPath,
      `import { createInterface } from "node:readline";
import { writeFileSync } from "node:fs";
createInterface({ input: process.stdin }).on("line", (line) => {
  const request = JSON.parse(line);
  let result = null;
  if (request.method === "getManifest") result = { manifest: { prettyName: "DMMF dump", requiresEngines: [] } };
  if (request.method === "generate") writeFileSync(${JSON.stringify(outputPath)}, JSON.stringify(request.params.dmmf.datamodel));
  process.stderr.write(JSON.stringify({ jsonrpc: "2.0", id: request.id, result }) + "\\n");
});
`,
    );
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(generatorPath)}`;
    const schema = (await readFile(schemaPath, "utf8")).replace(/^generator\s+\w+\s*\{[^}]*\}/gm, `generator dmmf {\n  provider = ${JSON.stringify(command)}\n  output   = "./unused"\n}`);
    const schemaCopy = path.join(dir, "schema.prisma");
    await writeFile(schemaCopy, schema);

    const prismaPackage = createRequire(import.meta.url).resolve("prisma/package.json");
    const cli = path.join(path.dirname(prismaPackage), "build/index.js");
    await promisify(execFile)(process.execPath, [cli, "generate", "--schema", schemaCopy], {
      cwd: dir,
      timeout: 60_000,
      env: {
        ...process.env,
        // The CLI insists on a schema-engine binary existing even for `generate`, which never runs it.
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? generatorPath,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    });
    return JSON.parse(await readFile(outputPath, "utf8")) as Datamodel;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ───────────────────────────── One shape for both sides ─────────────────────────────

/** Every part is a readable string, so a difference reads like the DDL it stands for. */
interface TableShape {
  /** column → "integer NOT NULL DEFAULT 0" */
  columns: Map<string, string>;
  /** "Order_pkey (id)" */
  primaryKey: string | null;
  /** index name → "UNIQUE (a, b DESC)" */
  indexes: Map<string, string>;
  /** constraint name → "(a) REFERENCES T(id) ON DELETE CASCADE ON UPDATE CASCADE" */
  foreignKeys: Map<string, string>;
}

interface SchemaShape {
  tables: Map<string, TableShape>;
  enums: Map<string, string>;
}

const describeColumn = (type: string, notNull: boolean, defaultValue: string | null) => `${type}${notNull ? " NOT NULL" : ""}${defaultValue === null ? "" : ` DEFAULT ${defaultValue}`}`;

const describeIndex = (unique: boolean, columns: string[], method: string) => `${unique ? "UNIQUE " : ""}(${columns.join(", ")})${method === "btree" ? "" : ` USING ${method}`}`;

const describeForeignKey = (columns: string[], table: string, referenced: string[], onDelete: string, onUpdate: string) =>
  `(${columns.join(", ")}) REFERENCES ${table}(${referenced.join(", ")}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`;

/** Marks a `dbgenerated()` default, whose text PostgreSQL rewrites: only its presence is compared. */
const DB_GENERATED = "<dbgenerated>";

// ───────────────────────────── Expected: schema.prisma through Prisma Migrate's conventions ─────────────────────────────

/** How format_type() prints the column types Prisma Migrate creates for scalar types. */
const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** The same for `@db.*` native types; extend it when the schema starts using another one. */
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Text: () => "text",
  Char: ([length]) => `character(${length})`,
  VarChar: ([length]) => (length ? `character varying(${length})` : "character varying"),
  Uuid: () => "uuid",
  Inet: () => "inet",
  Citext: () => "citext",
  SmallInt: () => "smallint",
  Integer: () => "integer",
  BigInt: () => "bigint",
  Real: () => "real",
  DoublePrecision: () => "double precision",
  Decimal: ([precision, scale]) => `numeric(${precision},${scale})`,
  Boolean: () => "boolean",
  Date: () => "date",
  Timestamp: ([precision]) => `timestamp(${precision ?? 3}) without time zone`,
  Timestamptz: ([precision]) => `timestamp(${precision ?? 3}) with time zone`,
  ByteA: () => "bytea",
  Json: () => "json",
  JsonB: () => "jsonb",
};

/** Prisma's default constraint and index names: `{table}_{columns}_{suffix}`. */
function defaultName(table: string, columns: string[], suffix: "pkey" | "key" | "idx" | "fkey") {
  const name = suffix === "pkey" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`;
  if (name.length > MAX_IDENTIFIER_LENGTH) {
    // Prisma would shorten it its own way and PostgreSQL truncates silently: name it explicitly.
    throw new Error(`${name} is longer than ${MAX_IDENTIFIER_LENGTH} characters: give it a map: "..." name in schema.prisma`);
  }
  return name;
}

function expectedColumnType(model: DmmfModel, field: DmmfField, enumDbNames: Map<string, string>) {
  let type: string;
  if (field.kind === "enum") {
    type = enumDbNames.get(field.type) ?? field.type;
  } else if (field.nativeType) {
    const [name, args] = field.nativeType;
    const render = NATIVE_TYPES[name];
    if (!render) throw new Error(`${model.name}.${field.name}: @db.${name} is not known to this test; add it to NATIVE_TYPES`);
    type = render(args);
  } else {
    const scalar = SCALAR_TYPES[field.type];
    if (!scalar) throw new Error(`${model.name}.${field.name}: type ${field.type} is not known to this test`);
    type = scalar;
  }
  return field.isList ? `${type}[]` : type;
}

function expectedDefault(table: string, column: string, field: DmmfField): string | null {
  const value = field.default;
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return `[${value.map(String).join(", ")}]`;
  if (typeof value === "object") {
    const fn = value as { name: string; args: unknown[] };
    switch (fn.name) {
      case "now":
        return "CURRENT_TIMESTAMP";
      case "autoincrement":
        // SERIAL / BIGSERIAL: a sequence owned by the column.
        return `nextval('${table}_${column}_seq'::regclass)`;
      case "dbgenerated":
        return DB_GENERATED;
      case "cuid":
      case "uuid":
      case "ulid":
      case "nanoid":
        return null; // generated by the client, nothing in the database
      default:
        throw new Error(`${table}.${column}: default ${fn.name}() is not known to this test`);
    }
  }
  return String(value);
}

function expectedSchema(datamodel: Datamodel): SchemaShape {
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const enumDbNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    if (!field) throw new Error(`${model.name} has no field ${fieldName}`);
    return field.dbName ?? field.name;
  };

  const tables = new Map<string, TableShape>();
  for (const model of datamodel.models) {
    const table = tableOf(model);
    const shape: TableShape = { columns: new Map(), primaryKey: null, indexes: new Map(), foreignKeys: new Map() };
    tables.set(table, shape);

    for (const field of model.fields) {
      if (field.kind === "object") continue;
      if (field.kind === "unsupported") throw new Error(`${model.name}.${field.name}: Unsupported() fields are not known to this test`);
      const column = field.dbName ?? field.name;
      // Scalar lists are nullable columns in Prisma's PostgreSQL schema (NULL reads as []).
      const notNull = field.isRequired && !field.isList;
      shape.columns.set(column, describeColumn(expectedColumnType(model, field, enumDbNames), notNull, expectedDefault(table, column, field)));
    }

    for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
      const columns = index.fields.map((f) => columnOf(model, f.name));
      if (index.type === "id") {
        shape.primaryKey = `${index.dbName ?? defaultName(table, columns, "pkey")} (${columns.join(", ")})`;
        continue;
      }
      if (index.type === "fulltext") throw new Error(`${model.name}: fulltext indexes do not exist on PostgreSQL`);
      const unique = index.type === "unique";
      const name = index.dbName ?? defaultName(table, columns, unique ? "key" : "idx");
      const sorted = index.fields.map((f, i) => (f.sortOrder === "desc" ? `${columns[i]} DESC` : columns[i]!));
      shape.indexes.set(name, describeIndex(unique, sorted, (index.algorithm ?? "BTree").toLowerCase()));
    }

    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = models.get(field.type)!;
      const columns = field.relationFromFields.map((name) => columnOf(model, name));
      const referenced = (field.relationToFields ?? []).map((name) => columnOf(target, name));
      const optional = field.relationFromFields.some((name) => !model.fields.find((f) => f.name === name)!.isRequired);
      // Prisma's referential-action defaults: SetNull for optional relations, Restrict for required; Cascade on update.
      const onDelete = field.relationOnDelete ?? (optional ? "SetNull" : "Restrict");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      shape.foreignKeys.set(defaultName(table, columns, "fkey"), describeForeignKey(columns, tableOf(target), referenced, REFERENTIAL_ACTIONS[onDelete]!, REFERENTIAL_ACTIONS[onUpdate]!));
    }
  }

  const enums = new Map(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name).join(", ")]));
  return { tables, enums };
}

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  SetNull: "SET NULL",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

// ───────────────────────────── Actual: the PostgreSQL catalogue ─────────────────────────────

/** pg_constraint.confdeltype / confupdtype codes. */
const ACTION_CODES: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

/** Quotes around mixed-case identifiers are noise here: `"OrderStatus"[]` and OrderStatus[] are the same type. */
const unquote = (text: string) => text.replaceAll('"', "");

/**
 * Reduces a column default as pg_get_expr prints it to what schema.prisma says:
 * `'ru'::text` → ru, `'PENDING'::"PartnerStatus"` → PENDING, `ARRAY[]::text[]` → [].
 */
function normaliseDefault(expression: string | null): string | null {
  if (expression === null) return null;
  const literal = /^'((?:[^']|'')*)'::[^']+$/.exec(expression);
  if (literal) return literal[1]!.replaceAll("''", "'");
  const array = /^ARRAY\[(.*)\]::[^[\]]+\[\]$/.exec(expression);
  if (array) {
    const items = array[1] ? array[1].split(/,\s*/).map((item) => normaliseDefault(item) ?? "") : [];
    return `[${items.join(", ")}]`;
  }
  return unquote(expression);
}

async function actualSchema(client: pg.Client): Promise<SchemaShape> {
  const tables = new Map<string, TableShape>();
  const tableShape = (name: string) => {
    let shape = tables.get(name);
    if (!shape) {
      shape = { columns: new Map(), primaryKey: null, indexes: new Map(), foreignKeys: new Map() };
      tables.set(name, shape);
    }
    return shape;
  };

  const { rows: tableRows } = await client.query<{ name: string }>(`
    SELECT c.relname::text AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`);
  for (const { name } of tableRows) if (!NON_MODEL_TABLES.has(name)) tableShape(name);

  const { rows: columns } = await client.query<{
    table: string;
    column: string;
    type: string;
    notNull: boolean;
    default: string | null;
  }>(`
    SELECT c.relname::text AS table, a.attname::text AS column, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`);
  for (const row of columns) {
    if (NON_MODEL_TABLES.has(row.table)) continue;
    tableShape(row.table).columns.set(row.column, describeColumn(unquote(row.type), row.notNull, normaliseDefault(row.default)));
  }

  const { rows: indexes } = await client.query<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    method: string;
    partial: boolean;
    columns: string[];
    descending: boolean[];
  }>(`
    SELECT t.relname::text AS table, i.relname::text AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
           am.amname::text AS method, ix.indpred IS NOT NULL AS partial,
           ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true) FROM generate_series(1, ix.indnkeyatts) AS k ORDER BY k) AS columns,
           ARRAY(SELECT (ix.indoption[k - 1] & 1) = 1 FROM generate_series(1, ix.indnkeyatts) AS k ORDER BY k) AS descending
    FROM pg_index ix
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_am am ON am.oid = i.relam
    WHERE n.nspname = 'public'`);
  for (const index of indexes) {
    if (NON_MODEL_TABLES.has(index.table) || index.primary) continue;
    const columnList = index.columns.map((column, i) => `${unquote(column)}${index.descending[i] ? " DESC" : ""}`);
    const description = describeIndex(index.unique, columnList, index.method) + (index.partial ? " WHERE <partial>" : "");
    tableShape(index.table).indexes.set(index.name, description);
  }

  const { rows: constraints } = await client.query<{
    table: string;
    name: string;
    type: "p" | "f";
    columns: string[];
    referencedTable: string | null;
    referencedColumns: string[];
    onDelete: string;
    onUpdate: string;
  }>(`
    SELECT t.relname::text AS table, con.conname::text AS name, con.contype::text AS type,
           ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
           rt.relname::text AS "referencedTable",
           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "referencedColumns",
           con.confdeltype::text AS "onDelete", con.confupdtype::text AS "onUpdate"
    FROM pg_constraint con
    JOIN pg_class t ON t.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    LEFT JOIN pg_class rt ON rt.oid = con.confrelid
    WHERE n.nspname = 'public' AND con.contype IN ('p', 'f')`);
  for (const constraint of constraints) {
    if (NON_MODEL_TABLES.has(constraint.table)) continue;
    const shape = tableShape(constraint.table);
    if (constraint.type === "p") {
      shape.primaryKey = `${constraint.name} (${constraint.columns.join(", ")})`;
    } else {
      shape.foreignKeys.set(
        constraint.name,
        describeForeignKey(constraint.columns, constraint.referencedTable!, constraint.referencedColumns, ACTION_CODES[constraint.onDelete]!, ACTION_CODES[constraint.onUpdate]!),
      );
    }
  }

  const { rows: enumRows } = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public'
    GROUP BY t.typname`);
  const enums = new Map(enumRows.map((row) => [row.name, row.values.join(", ")]));

  return { tables, enums };
}

// ───────────────────────────── Comparison ─────────────────────────────

function diffMaps(what: string, expected: Map<string, string>, actual: Map<string, string>, out: string[]) {
  for (const [key, want] of expected) {
    const got = actual.get(key);
    if (got === undefined) out.push(`${what} ${key}: missing (schema.prisma has ${want})`);
    else if (got !== want && !(want.endsWith(DB_GENERATED) && got.includes(" DEFAULT "))) {
      out.push(`${what} ${key}: schema.prisma has ${want}, database has ${got}`);
    }
  }
  for (const [key, got] of actual) {
    if (!expected.has(key)) out.push(`${what} ${key}: not in schema.prisma (database has ${got})`);
  }
}

/** Every difference between the two, one readable line each; empty when they match. */
function diffSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  for (const [table, want] of expected.tables) {
    const got = actual.tables.get(table);
    if (!got) {
      out.push(`table ${table}: missing`);
      continue;
    }
    diffMaps("column", prefixKeys(table, want.columns), prefixKeys(table, got.columns), out);
    if (want.primaryKey !== got.primaryKey) {
      out.push(`primary key of ${table}: schema.prisma has ${want.primaryKey ?? "none"}, database has ${got.primaryKey ?? "none"}`);
    }
    diffMaps("index", prefixKeys(table, want.indexes), prefixKeys(table, got.indexes), out);
    diffMaps("foreign key", prefixKeys(table, want.foreignKeys), prefixKeys(table, got.foreignKeys), out);
  }
  for (const table of actual.tables.keys()) {
    if (!expected.tables.has(table)) out.push(`table ${table}: not in schema.prisma`);
  }
  diffMaps("enum", expected.enums, actual.enums, out);
  return out;
}

const prefixKeys = (table: string, map: Map<string, string>) => new Map([...map].map(([key, value]) => [`${table}.${key}`, value]));

// ───────────────────────────── Tests ─────────────────────────────

describe("the migrated database matches prisma/schema.prisma", () => {
  let expected: SchemaShape;
  let datamodel: Datamodel;

  // Prisma's schema parser (WebAssembly) takes a minute on a busy machine.
  beforeAll(async () => {
    datamodel = await loadDatamodel(SCHEMA_PATH);
    expected = expectedSchema(datamodel);
  }, 180_000);

  it("reads the whole schema (guards against an empty expectation passing trivially)", () => {
    expect(datamodel.models.length).toBeGreaterThan(50);
    expect(expected.tables.get("Order")?.columns.get("status")).toBe("OrderStatus NOT NULL DEFAULT UNCONFIRMED");
    expect(expected.tables.get("Order")?.indexes.get("Order_status_createdAt_idx")).toBe("(status, createdAt)");
    expect(expected.enums.get("OrderStatus")).toBe("UNCONFIRMED, CONFIRMED, SHIPPED, DELIVERED, HANDED, PAID, CANCELLED, RETURNED, DUPLICATE, SPAM");
  });

  it("has every table, column, type, nullability, default, key, index, foreign key and enum — and nothing else", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      expect(diffSchemas(expected, await actualSchema(client))).toEqual([]);
    } finally {
      await client.end();
    }
  });

  describe("notices drift (a check of the check)", () => {
    const database = `lavka_drift_check_${process.pid}`;
    const serverUrl = inject("serverUrl");
    let client: pg.Client;

    beforeAll(async () => {
      await recreateDatabase(serverUrl, database);
      await migrate({ connectionString: withDatabase(serverUrl, database) });
      client = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
      await client.connect();
    });

    afterAll(async () => {
      await client?.end();
      const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => admin.end());
    });

    it("reports each kind of difference between a damaged database and the schema", async () => {
      await client.query(`
        ALTER TABLE "Order" ALTER COLUMN "total" TYPE BIGINT;
        ALTER TABLE "Order" ALTER COLUMN "customerName" SET NOT NULL;
        ALTER TABLE "Order" ALTER COLUMN "status" DROP DEFAULT;
        ALTER TABLE "Product" DROP COLUMN "sku";
        ALTER TABLE "Product" ADD COLUMN "legacyCode" TEXT;
        DROP INDEX "Order_status_createdAt_idx";
        DROP INDEX "Click_partnerId_createdAt_idx";
        CREATE INDEX "Click_partnerId_createdAt_idx" ON "Click"("createdAt", "partnerId");
        DROP INDEX "Order_idempotencyKey_key";
        CREATE INDEX "Order_idempotencyKey_key" ON "Order"("idempotencyKey");
        ALTER TYPE "OrderStatus" RENAME VALUE 'SPAM' TO 'JUNK';
        ALTER TABLE "OrderItem" DROP CONSTRAINT "OrderItem_orderId_fkey";
        ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
        ALTER TABLE "ProductPrice" DROP CONSTRAINT "ProductPrice_pkey";
        ALTER TABLE "ProductPrice" ADD CONSTRAINT "ProductPrice_pkey" PRIMARY KEY ("region", "productId");
        CREATE TABLE "Stray" ("id" INTEGER);
      `);

      const differences = diffSchemas(expected, await actualSchema(client));

      expect(differences.sort()).toEqual(
        [
          "column Order.total: schema.prisma has integer NOT NULL, database has bigint NOT NULL",
          "column Order.customerName: schema.prisma has text, database has text NOT NULL",
          "column Order.status: schema.prisma has OrderStatus NOT NULL DEFAULT UNCONFIRMED, database has OrderStatus NOT NULL",
          "column Product.sku: missing (schema.prisma has text)",
          "column Product.legacyCode: not in schema.prisma (database has text)",
          "index Order.Order_status_createdAt_idx: missing (schema.prisma has (status, createdAt))",
          "index Click.Click_partnerId_createdAt_idx: schema.prisma has (partnerId, createdAt), database has (createdAt, partnerId)",
          "index Order.Order_idempotencyKey_key: schema.prisma has UNIQUE (idempotencyKey), database has (idempotencyKey)",
          "enum OrderStatus: schema.prisma has UNCONFIRMED, CONFIRMED, SHIPPED, DELIVERED, HANDED, PAID, CANCELLED, RETURNED, DUPLICATE, SPAM, " +
            "database has UNCONFIRMED, CONFIRMED, SHIPPED, DELIVERED, HANDED, PAID, CANCELLED, RETURNED, DUPLICATE, JUNK",
          "foreign key OrderItem.OrderItem_orderId_fkey: schema.prisma has (orderId) REFERENCES Order(id) ON DELETE CASCADE ON UPDATE CASCADE, " +
            "database has (orderId) REFERENCES Order(id) ON DELETE RESTRICT ON UPDATE CASCADE",
          "primary key of ProductPrice: schema.prisma has ProductPrice_pkey (productId, region), database has ProductPrice_pkey (region, productId)",
          "table Stray: not in schema.prisma",
        ].sort(),
      );
    });
  });
});
