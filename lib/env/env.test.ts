import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./index";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/lavka", NEXTAUTH_SECRET: "x".repeat(32) };

function problems(raw: Record<string, string | undefined>) {
  try {
    parseEnv(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
  throw new Error("expected an EnvError");
}

describe("parseEnv", () => {
  it("accepts a minimal configuration and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.MAIL_FROM).toContain("@");
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.SMTP_MAILING_CONNECTIONS).toBe(10);
    expect(env.FILE_STORAGE_DIR).toBe(".data/files");
    expect(env.FILE_MAX_BYTES).toBe(104_857_600); // 100 MB
  });

  it("treats empty optional URLs as unset and trims APP_URL's trailing slash", () => {
    const env = parseEnv({ ...valid, REDIS_URL: "", SMTP_URL: "", APP_URL: "https://shop.example.com/" });
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.APP_URL).toBe("https://shop.example.com");
  });

  it.each([
    [{ DATABASE_URL: undefined }, "DATABASE_URL is required"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must be a URL like postgresql://"],
    [{ REDIS_URL: "http://localhost:6379" }, "REDIS_URL must be a URL like redis://"],
    [{ SMTP_URL: "not a url" }, "SMTP_URL must be a URL like smtp://"],
    [{ APP_URL: "ftp://x" }, "APP_URL must be the public URL"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET must be at least 32 characters"],
    [{ NEXTAUTH_SECRET: undefined }, "NEXTAUTH_SECRET is required"],
    [{ STRIPE_SECRET_KEY: "sk_test_1" }, "STRIPE_WEBHOOK_SECRET is required when the other Stripe variable is set"],
    [{ STRIPE_WEBHOOK_SECRET: "whsec_1" }, "STRIPE_SECRET_KEY is required when the other Stripe variable is set"],
    [{ STRIPE_SECRET_KEY: "pk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1" }, "STRIPE_SECRET_KEY must start with sk_"],
    [{ SMTP_MAILING_CONNECTIONS: "0" }, "SMTP_MAILING_CONNECTIONS must be at least 1"],
    [{ SMTP_MAILING_CONNECTIONS: "500" }, "SMTP_MAILING_CONNECTIONS must be at most 100"],
    [{ SMTP_MAILING_CONNECTIONS: "ten" }, "SMTP_MAILING_CONNECTIONS must be a whole number"],
    [{ WORKER_CONCURRENCY: "0" }, "WORKER_CONCURRENCY must be at least 1"],
    [{ WORKER_CONCURRENCY: "many" }, "WORKER_CONCURRENCY must be a whole number"],
    [{ WORKER_SHUTDOWN_TIMEOUT_MS: "10" }, "WORKER_SHUTDOWN_TIMEOUT_MS must be at least 1000"],
    [{ FILE_STORAGE_DIR: " " }, "FILE_STORAGE_DIR must be a directory path"],
    [{ FILE_MAX_BYTES: "0" }, "FILE_MAX_BYTES must be at least 1"],
    [{ FILE_MAX_BYTES: "100MB" }, "FILE_MAX_BYTES must be a whole number of bytes"],
  ])("%o → names the variable", (override, expected) => {
    const list = problems({ ...valid, ...override });
    expect(list.join("\n")).toContain(expected);
  });

  it("lists every bad variable at once", () => {
    const list = problems({ DATABASE_URL: "x", NEXTAUTH_SECRET: "y", REDIS_URL: "z" });
    expect(list.map((line) => line.split(" ")[0]).sort()).toEqual(["DATABASE_URL", "NEXTAUTH_SECRET", "REDIS_URL"]);
  });
});
