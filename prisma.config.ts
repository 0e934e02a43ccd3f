// Prisma CLI configuration. The runtime client gets its connection from lib/db
// (driver adapter); this URL is only read by CLI commands that talk to a database.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/lavka" },
});
