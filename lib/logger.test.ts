import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { loggerOptions } from "./logger";
import { runWithRequestId } from "./request-context";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ ...loggerOptions, level: "info" }, stream), lines };
}

describe("logger", () => {
  it("adds the request id to lines written while a request is served, and only then", async () => {
    const { log, lines } = capture();
    log.info("outside");
    await runWithRequestId("req-12345678", async () => {
      await Promise.resolve();
      log.info({ orderId: 7 }, "inside");
    });
    expect(lines[0]).not.toHaveProperty("requestId");
    expect(lines[1]).toMatchObject({ requestId: "req-12345678", orderId: 7, msg: "inside" });
  });

  it("redacts passwords and tokens", () => {
    const { log, lines } = capture();
    log.info({ password: "secret", user: { passwordHash: "x" }, token: "t" }, "sign-in");
    expect(lines[0]).toMatchObject({ password: "[redacted]", user: { passwordHash: "[redacted]" }, token: "[redacted]" });
  });
});
