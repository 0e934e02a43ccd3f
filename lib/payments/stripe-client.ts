// The Stripe client of this process, built from lib/env. Card payments are optional (DESIGN.md):
// without STRIPE_SECRET_KEY there is no client and callers get a clear "not available" error.
// STRIPE_API_BASE points the library at another API host (the local double in tests); the
// client is rebuilt only when the configuration object changes (resetEnvCache in tests).
import Stripe from "stripe";
import { getEnv, type TEnv } from "@/lib/env";

let built: { env: TEnv; client: Stripe } | undefined;

// The library's notices are meant for people integrating by hand; in Lavka's logs they are noise.
process.env.STRIPE_SUPPRESS_NOTICES ??= "true";

/** The configured client, or null when card payments are off. */
export function getStripe(): Stripe | null {
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY) return null;
  if (built?.env !== env) built = { env, client: createStripeClient(env.STRIPE_SECRET_KEY, env.STRIPE_API_BASE) };
  return built.client;
}

/** The webhook signing secret, or null when card payments are off. */
export function getStripeWebhookSecret(): string | null {
  return getEnv().STRIPE_WEBHOOK_SECRET ?? null;
}

function createStripeClient(secretKey: string, apiBase: string | undefined): Stripe {
  const base = apiBase ? new URL(apiBase) : undefined;
  return new Stripe(secretKey, {
    // A shopper waits on the pay page while this runs: fail in seconds, not Stripe's default 80.
    timeout: 15_000,
    // Safe: every create carries our own idempotency key, so a retry cannot make a second session.
    maxNetworkRetries: 2,
    appInfo: { name: "Lavka" },
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "https:" ? 443 : 80),
          protocol: base.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
}
