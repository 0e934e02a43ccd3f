import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default is one worker per core but one (cores − 1): on a 2-core machine the files
    // ran one after another. The integration files mostly wait on PostgreSQL, Redis, SMTP and
    // child processes, and are written to share one database: three at a time cut the suite from
    // 440 s to 292 s there.
    maxWorkers: 3,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "workers/**/*.test.ts", "emails/**/*.test.ts?(x)", "scripts/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts?(x)"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/global-setup.ts"],
          setupFiles: ["tests/helpers/setup-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
