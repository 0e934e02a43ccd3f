// Structured JSON logging (pino) for the web app, the worker and scripts.
import pino from "pino";
import { currentRequestId } from "@/lib/request-context";

export const loggerOptions: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: process.env.LAVKA_SERVICE ?? "web" },
  // Lines written while a request is served carry its id (server.ts), as X-Request-Id does.
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"], censor: "[redacted]" },
};

export const logger = pino(loggerOptions);
