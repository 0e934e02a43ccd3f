// Runs in every integration test file before its imports: points lib/env at the test database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.APP_URL ??= "http://localhost:3000";
// Postback tests talk to an HTTP server on 127.0.0.1.
process.env.POSTBACK_ALLOW_PRIVATE_HOSTS ??= "true";
(process.env as Record<string, string>).NODE_ENV = "test";
