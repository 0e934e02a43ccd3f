// A local stand-in for the part of Stripe's API Lavka uses: Checkout Sessions. A real HTTP
// server on a free port that the real `stripe` library talks to through STRIPE_API_BASE, so
// the tests exercise the same requests (form-encoded bodies, Idempotency-Key, Stripe's error
// format) that production sends. It validates what Lavka sends the way Stripe would refuse it,
// and lets tests complete or expire sessions and sign events with the real signing scheme.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export interface DoubleSession {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid" | "no_payment_required";
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
  url: string | null;
  locale: string | null;
  livemode: false;
  created: number;
  expires_at: number;
  /** What Lavka sent, as parsed from the form body (for assertions). */
  line_items_sent: { name: string; unit_amount: number; quantity: number; currency: string }[];
  shipping_amount: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  body: Record<string, unknown>;
}

type Failure = { status: number; type: string; message: string };

export interface StripeDouble {
  url: string;
  sessions: Map<string, DoubleSession>;
  requests: RecordedRequest[];
  /** The next `count` requests (any) answer with this Stripe error. */
  failNext(failure: Failure, count?: number): void;
  /** The shopper paid: the session is complete and paid, with a PaymentIntent id. */
  complete(sessionId: string, overrides?: Partial<DoubleSession>): DoubleSession;
  /** The session timed out. */
  expire(sessionId: string): DoubleSession;
  close(): Promise<void>;
}

const SECRET_KEY_PATTERN = /^Bearer sk_(test|live)_\w+$/;

export async function startStripeDouble(): Promise<StripeDouble> {
  const sessions = new Map<string, DoubleSession>();
  const requests: RecordedRequest[] = [];
  const idempotent = new Map<string, { body: string; status: number; response: unknown }>();
  const failures: Failure[] = [];
  let url = "";

  const server: Server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => send(response, 500, stripeError("api_error", String(error))));
  });

  async function route(request: IncomingMessage, response: ServerResponse) {
    const raw = await readBody(request);
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const idempotencyKey = header(request, "idempotency-key");
    const body = parseForm(raw);
    requests.push({ method: request.method ?? "GET", path, idempotencyKey, body });

    if (!SECRET_KEY_PATTERN.test(header(request, "authorization") ?? "")) {
      return send(response, 401, stripeError("invalid_request_error", "Invalid API Key provided"));
    }
    const failure = failures.shift();
    if (failure) return send(response, failure.status, stripeError(failure.type, failure.message));

    if (request.method === "POST" && idempotencyKey) {
      const earlier = idempotent.get(idempotencyKey);
      if (earlier) {
        if (earlier.body !== raw) {
          return send(response, 400, stripeError("idempotency_error", "Keys for idempotent requests can only be used with the same parameters they were first used with."));
        }
        return send(response, earlier.status, earlier.response, { "idempotent-replayed": "true" });
      }
    }

    let status = 200;
    let result: unknown;
    if (request.method === "POST" && path === "/v1/checkout/sessions") {
      const created = createSession(body);
      if ("error" in created) [status, result] = [400, created];
      else [status, result] = [200, created];
    } else if (request.method === "GET" && path.startsWith("/v1/checkout/sessions/")) {
      const session = sessions.get(decodeURIComponent(path.slice("/v1/checkout/sessions/".length)));
      if (session) result = publicSession(session);
      else [status, result] = [404, stripeError("invalid_request_error", "No such checkout.session", "resource_missing")];
    } else {
      [status, result] = [404, stripeError("invalid_request_error", `Unrecognized request URL (${request.method}: ${path})`)];
    }
    if (request.method === "POST" && idempotencyKey) idempotent.set(idempotencyKey, { body: raw, status, response: result });
    send(response, status, result);
  }

  function createSession(body: Record<string, unknown>): DoubleSession | ReturnType<typeof stripeError> {
    const invalid = (param: string, message: string) => stripeError("invalid_request_error", message, "parameter_invalid", param);
    if (body.mode !== "payment") return invalid("mode", "mode must be payment");
    for (const param of ["success_url", "cancel_url"] as const) {
      const value = body[param];
      if (typeof value !== "string" || !/^https?:\/\//.test(value)) return invalid(param, `${param} must be an absolute URL`);
    }
    if ("payment_method_types" in body) return invalid("payment_method_types", "Received unknown parameter: payment_method_types");
    const lineItems = body.line_items;
    if (!Array.isArray(lineItems) || lineItems.length === 0) return invalid("line_items", "line_items is required in payment mode");
    const sent: DoubleSession["line_items_sent"] = [];
    for (const [index, item] of lineItems.entries()) {
      const priceData = (item as { price_data?: Record<string, unknown> }).price_data;
      const quantity = integer((item as { quantity?: unknown }).quantity);
      const unitAmount = integer(priceData?.unit_amount);
      const currency = priceData?.currency;
      const name = (priceData?.product_data as { name?: unknown } | undefined)?.name;
      if (quantity === null || quantity < 1) return invalid(`line_items[${index}][quantity]`, "quantity must be a positive integer");
      if (unitAmount === null || unitAmount < 0) return invalid(`line_items[${index}][price_data][unit_amount]`, "unit_amount must be a non-negative integer");
      if (typeof currency !== "string" || !/^[a-z]{3}$/.test(currency)) return invalid(`line_items[${index}][price_data][currency]`, "Invalid currency");
      if (typeof name !== "string" || name.trim() === "") return invalid(`line_items[${index}][price_data][product_data][name]`, "name is required");
      sent.push({ name, unit_amount: unitAmount, quantity, currency });
    }
    const currency = sent[0]?.currency ?? "";
    if (sent.some((line) => line.currency !== currency)) return invalid("line_items", "All line items must have the same currency");
    let shipping = 0;
    const shippingOptions = body.shipping_options;
    if (shippingOptions !== undefined) {
      const rate = Array.isArray(shippingOptions) ? (shippingOptions[0] as { shipping_rate_data?: Record<string, unknown> } | undefined)?.shipping_rate_data : undefined;
      const fixed = rate?.fixed_amount as { amount?: unknown; currency?: unknown } | undefined;
      const amount = integer(fixed?.amount);
      if (rate?.type !== "fixed_amount" || amount === null || amount < 0 || fixed?.currency !== currency || typeof rate.display_name !== "string") {
        return invalid("shipping_options", "Invalid shipping_options");
      }
      shipping = amount;
    }
    const subtotal = sent.reduce((sum, line) => sum + line.unit_amount * line.quantity, 0);
    const id = `cs_test_${randomBytes(24).toString("hex")}`;
    const now = Math.floor(Date.now() / 1000);
    const session: DoubleSession = {
      id,
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: subtotal,
      amount_total: subtotal + shipping,
      currency,
      client_reference_id: typeof body.client_reference_id === "string" ? body.client_reference_id : null,
      customer_email: typeof body.customer_email === "string" ? body.customer_email : null,
      metadata: (body.metadata as Record<string, string> | undefined) ?? {},
      payment_intent: null,
      success_url: String(body.success_url),
      cancel_url: String(body.cancel_url),
      url: `${url}/c/pay/${id}`,
      locale: typeof body.locale === "string" ? body.locale : null,
      livemode: false,
      created: now,
      expires_at: now + 24 * 3600,
      line_items_sent: sent,
      shipping_amount: shipping,
    };
    sessions.set(id, session);
    return publicSession(session);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function update(sessionId: string, changes: Partial<DoubleSession>) {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`stripe double: no session ${sessionId}`);
    Object.assign(session, changes);
    return publicSession(session);
  }

  return {
    url,
    sessions,
    requests,
    failNext: (failure, count = 1) => failures.push(...Array.from({ length: count }, () => failure)),
    complete: (sessionId, overrides = {}) =>
      update(sessionId, { status: "complete", payment_status: "paid", payment_intent: `pi_test_${randomBytes(12).toString("hex")}`, url: null, ...overrides }),
    expire: (sessionId) => update(sessionId, { status: "expired", url: null }),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A signed Stripe event around a Checkout Session, as Stripe would POST it to the webhook. */
export function signedStripeEvent(
  secret: string,
  type: string,
  session: Partial<DoubleSession> & { id: string },
  options: { eventId?: string; timestamp?: number } = {},
): { eventId: string; payload: string; signature: string } {
  const eventId = options.eventId ?? `evt_test_${randomBytes(12).toString("hex")}`;
  const { line_items_sent: _sent, shipping_amount: _shipping, ...object } = session;
  const payload = JSON.stringify({
    id: eventId,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object: { object: "checkout.session", ...object } },
  });
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret, timestamp: options.timestamp ?? Math.floor(Date.now() / 1000) });
  return { eventId, payload, signature };
}

const signer = new Stripe("sk_test_signer_only");

function publicSession(session: DoubleSession): DoubleSession {
  return structuredClone(session);
}

function stripeError(type: string, message: string, code?: string, param?: string) {
  return { error: { type, message, ...(code ? { code } : {}), ...(param ? { param } : {}) } };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", "request-id": `req_${randomBytes(8).toString("hex")}`, ...headers });
  response.end(JSON.stringify(body));
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
}

function integer(value: unknown): number | null {
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) return null;
  return Number(value);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Stripe's form encoding (`line_items[0][price_data][currency]=rub`) back into objects and arrays. */
export function parseForm(raw: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.replace(/\]/g, "").split("[");
    let node: Record<string, unknown> = root;
    for (const [index, part] of path.entries()) {
      if (index === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    }
  }
  return arrays(root) as Record<string, unknown>;
}

function arrays(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).map(([key, inner]) => [key, arrays(inner)] as const);
  if (entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, inner]) => inner);
  }
  return Object.fromEntries(entries);
}

export const TEST_STRIPE_WEBHOOK_SECRET = "whsec_lavka_test_secret_0123456789";

/** Points lib/env (and so the Stripe client) at the double; returns a function that undoes it. */
export async function useStripeDouble(double: StripeDouble): Promise<() => void> {
  const { resetEnvCache } = await import("@/lib/env");
  const saved = { key: process.env.STRIPE_SECRET_KEY, secret: process.env.STRIPE_WEBHOOK_SECRET, base: process.env.STRIPE_API_BASE };
  process.env.STRIPE_SECRET_KEY = "sk_test_lavka_double";
  process.env.STRIPE_WEBHOOK_SECRET = TEST_STRIPE_WEBHOOK_SECRET;
  process.env.STRIPE_API_BASE = double.url;
  resetEnvCache();
  return () => {
    for (const [name, value] of [
      ["STRIPE_SECRET_KEY", saved.key],
      ["STRIPE_WEBHOOK_SECRET", saved.secret],
      ["STRIPE_API_BASE", saved.base],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
  };
}
