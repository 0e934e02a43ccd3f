// Configuration: read from process.env and validated once. Every error names the variable.
import { z } from "zod";
import { parseTrustedProxies } from "./trusted-proxies";

const optionalUrl = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .refine(
      (value) => {
        if (value === undefined) return true;
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL like ${example}` },
    );

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "is required (the start command sets it when it runs the embedded database)" })
      .trim()
      .refine((value) => /^postgres(ql)?:\/\//.test(value), { message: "must be a URL like postgresql://user:password@host:5432/db" }),
    REDIS_URL: optionalUrl(["redis:", "rediss:"], "redis://127.0.0.1:6379"),
    SMTP_URL: optionalUrl(["smtp:", "smtps:"], "smtp://user:password@smtp.example.com:587"),
    /** SMTP connections of the mailings' pool (per worker process), beside the transactional pool's 5; lib/mail/transport says why. */
    SMTP_MAILING_CONNECTIONS: z.coerce
      .number({ error: "must be a whole number" })
      .int({ message: "must be a whole number" })
      .min(1, { message: "must be at least 1" })
      .max(100, { message: "must be at most 100" })
      .default(10),
    MAIL_FROM: z.string().trim().min(3, { message: "must be an address like Lavka <shop@example.com>" }).default("Lavka <no-reply@lavka.local>"),
    APP_URL: z
      .string()
      .trim()
      .default("http://localhost:3000")
      .refine(
        (value) => {
          try {
            return ["http:", "https:"].includes(new URL(value).protocol);
          } catch {
            return false;
          }
        },
        { message: "must be the public URL of the app, like https://shop.example.com" },
      )
      .transform((value) => value.replace(/\/+$/, "")),
    NEXTAUTH_SECRET: z
      .string({ error: "is required (the start command generates one in .data/ for the demo)" })
      .min(32, { message: "must be at least 32 characters (e.g. openssl rand -base64 32)" }),
    STRIPE_SECRET_KEY: z.string().trim().startsWith("sk_", { message: "must start with sk_" }).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().trim().startsWith("whsec_", { message: "must start with whsec_" }).optional(),
    STRIPE_API_BASE: optionalUrl(["http:", "https:"], "http://127.0.0.1:12111"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    CHECKOUT_RATE_LIMIT_PER_MINUTE: z.coerce.number({ error: "must be a whole number" }).int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" }).default(30),
    /** Lets postbacks reach loopback/private addresses (tests, one-machine setups); off in production. */
    POSTBACK_ALLOW_PRIVATE_HOSTS: z
      .enum(["true", "false", "1", "0", ""], { error: "must be true or false" })
      .optional()
      .transform((value) => value === "true" || value === "1"),
    WORKER_CONCURRENCY: z.coerce
      .number({ error: "must be a whole number" })
      .int({ message: "must be a whole number" })
      .min(1, { message: "must be at least 1" })
      .max(1000, { message: "must be at most 1000" })
      .default(8),
    WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number({ error: "must be a number of milliseconds" }).int().min(1000, { message: "must be at least 1000 (ms)" }).default(25_000),
    /** Directory of the file store (digital goods); relative paths are taken from the working directory. Created on demand. */
    FILE_STORAGE_DIR: z
      .string()
      .trim()
      .min(1, { message: "must be a directory path like .data/files or /var/lib/lavka/files" })
      .refine((value) => !value.includes("\0"), { message: "must be a directory path like .data/files or /var/lib/lavka/files" })
      .default(".data/files"),
    /** Largest file the store accepts, in bytes (default 100 MB). */
    FILE_MAX_BYTES: z.coerce
      .number({ error: "must be a whole number of bytes" })
      .int({ message: "must be a whole number of bytes" })
      .min(1, { message: "must be at least 1 (bytes)" })
      .max(Number.MAX_SAFE_INTEGER, { message: "is too large" })
      .default(100 * 1024 * 1024),
    /** Russian Post tracking API (single access, SOAP 1.2); the login and password may also be set in Settings → Logistics, which win. */
    RUSSIAN_POST_TRACKING_URL: optionalUrl(["http:", "https:"], "https://tracking.russianpost.ru/rtm34").transform((value) => value ?? "https://tracking.russianpost.ru/rtm34"),
    RUSSIAN_POST_LOGIN: z.string().trim().max(200).optional(),
    RUSSIAN_POST_PASSWORD: z.string().max(200).optional(),
    /** Reverse proxies whose X-Forwarded-For / X-Real-IP are believed (addresses and CIDR ranges); none by default. */
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((value, ctx) => {
        const { entries, invalid } = parseTrustedProxies(value);
        if (invalid.length) ctx.addIssue({ code: "custom", message: `must be comma-separated IP addresses or CIDR ranges like 127.0.0.1, 10.0.0.0/8 (not ${invalid.join(", ")})` });
        return entries;
      }),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: [env.STRIPE_SECRET_KEY ? "STRIPE_WEBHOOK_SECRET" : "STRIPE_SECRET_KEY"],
        message: "is required when the other Stripe variable is set (set both to take card payments, or neither)",
      });
    }
  });

export type TEnv = z.infer<typeof ZEnv>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Validates a raw environment; throws EnvError listing every bad variable by name. */
export function parseEnv(raw: Record<string, string | undefined>): TEnv {
  const result = ZEnv.safeParse(raw);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`));
}

let cached: TEnv | undefined;

/** The validated configuration of this process, read once. */
export function getEnv(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forget the cached configuration (tests that change process.env). */
export function resetEnvCache() {
  cached = undefined;
}

export const isStripeEnabled = () => Boolean(getEnv().STRIPE_SECRET_KEY);
