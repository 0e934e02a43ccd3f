// The crash tests' load: JSON checkout submissions (POST /api/v1/orders, the storefront API) at
// a steady rate, each with its own idempotency key, customer and client address (the checkout is
// rate-limited per IP; the app trusts X-Forwarded-For from 127.0.0.1), half of them carrying a
// partner's referral cookie from a real click (GET /r/<login>). Every submission is remembered
// with its outcome so that the ones without an answer can be sent again with the same key.
import { Agent, request as httpRequest } from "node:http";
import { sleep } from "./processes";

export const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

export interface Submission {
  key: string;
  email: string;
  body: string;
  ip: string;
  /** The referral cookie (lavka_ref=…) of an attributed submission. */
  cookie?: string;
  /** Answers, first to last: an HTTP status, or the error when none came. */
  attempts: { status?: number; error?: string }[];
  /** The order of the first 2xx answer. */
  order?: { id: string; number: number; created: boolean };
  /** Order numbers of later 2xx answers (retries): each must equal the first. */
  laterNumbers: number[];
}

export interface HttpResult {
  status?: number;
  body?: string;
  headers?: Record<string, string | string[] | undefined>;
  error?: string;
}

export function httpCall(agent: Agent, url: string, options: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number }): Promise<HttpResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: HttpResult) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    const request = httpRequest(url, { method: options.method, headers: options.headers, agent, timeout: options.timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => done({ status: response.statusCode, body: Buffer.concat(chunks).toString("utf8"), headers: response.headers }));
      response.on("error", (error) => done({ error: error.message }));
      response.on("aborted", () => done({ error: "response aborted" }));
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)));
    request.on("error", (error: NodeJS.ErrnoException) => done({ error: error.code ?? error.message }));
    request.end(options.body);
  });
}

// Across the scenarios of one run (one database): every customer is new.
let phoneSequence = 0;

export class LoadGenerator {
  readonly submissions: Submission[] = [];
  private sequence = 0;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private inFlight = new Set<Promise<void>>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly scenario: string,
    private readonly product: string,
    private readonly referralCookies: string[],
    private readonly runId: string,
  ) {}

  private next(): Submission {
    const n = ++this.sequence;
    const unique = `${this.runId}-${this.scenario}-${n}`;
    const email = `c${n}.${this.scenario}.${this.runId}@chaos.example`.toLowerCase();
    // A distinct phone per submission: the same contact twice would be marked DUPLICATE.
    const phoneDigits = String(++phoneSequence).padStart(7, "0");
    const attributed = n % 2 === 0 && this.referralCookies.length > 0;
    const key = `chaos-${unique}`;
    return {
      key,
      email,
      ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      cookie: attributed ? this.referralCookies[n % this.referralCookies.length] : undefined,
      body: JSON.stringify({
        product: this.product,
        idempotencyKey: key,
        quantity: 1,
        country: "RU",
        paymentMethod: "COD",
        locale: "ru",
        fields: {
          fullName: "Хаос Тестович",
          phone: `+7926${phoneDigits}`,
          email,
          country: "RU",
          postcode: "101000",
          city: "Москва",
          street: "ул. Ленина",
          house: "1",
          terms: "on",
        },
      }),
      attempts: [],
      laterNumbers: [],
    };
  }

  /** Sends one submission (again), records its answer. */
  send(submission: Submission, timeoutMs = 30_000): Promise<void> {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": BROWSER_UA,
      "x-forwarded-for": submission.ip,
      "idempotency-key": submission.key,
    };
    if (submission.cookie) headers.cookie = submission.cookie;
    const run = httpCall(this.agent, `${this.baseUrl()}/api/v1/orders`, { method: "POST", headers, body: submission.body, timeoutMs }).then((result) => {
      submission.attempts.push(result.status !== undefined ? { status: result.status } : { error: result.error ?? "no answer" });
      if (result.status !== undefined && result.status >= 200 && result.status < 300) {
        const parsed = JSON.parse(result.body ?? "{}") as { order?: { id: string; number: number }; created?: boolean };
        if (!parsed.order) {
          submission.attempts[submission.attempts.length - 1]!.error = `2xx without an order: ${result.body?.slice(0, 200)}`;
          return;
        }
        if (submission.order) submission.laterNumbers.push(parsed.order.number);
        else submission.order = { id: parsed.order.id, number: parsed.order.number, created: parsed.created ?? false };
      }
    });
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }

  /**
   * Submits at `rate` per second for `seconds`, calling `fault` once at `faultAt` seconds (while
   * the load goes on); the load goes on until `after` seconds past the fault's end too, so that
   * the recovered app takes load as well. Open loop: submissions go out on schedule whether or
   * not earlier ones were answered, as shoppers would.
   */
  async run(options: { rate: number; seconds: number; faultAt?: number; fault?: () => Promise<void>; after?: number }): Promise<{ sent: number; seconds: number; faultError?: unknown }> {
    const started = performance.now();
    let faultPromise: Promise<void> | undefined;
    let faultEnded: number | undefined;
    let faultError: unknown;
    let sent = 0;
    for (;;) {
      const elapsed = (performance.now() - started) / 1000;
      if (options.fault && !faultPromise && elapsed >= (options.faultAt ?? options.seconds / 3)) {
        faultPromise = options
          .fault()
          .catch((error: unknown) => {
            faultError = error;
          })
          .finally(() => {
            faultEnded = (performance.now() - started) / 1000;
          });
      }
      const faultDone = !options.fault || (faultEnded !== undefined && elapsed >= faultEnded + (options.after ?? 2));
      if (elapsed >= options.seconds && faultDone) break;
      const due = Math.floor(elapsed * options.rate) + 1;
      while (sent < due) {
        const submission = this.next();
        this.submissions.push(submission);
        void this.send(submission);
        sent++;
      }
      await sleep(5);
    }
    const seconds = (performance.now() - started) / 1000;
    await faultPromise;
    return { sent, seconds, faultError };
  }

  /** Resolves when every submission sent so far has its answer (or its timeout). */
  async drain() {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Submissions sent and not answered yet (during the load: the ones on the wire). */
  waiting(): Submission[] {
    return this.submissions.filter((submission) => submission.attempts.length === 0);
  }

  close() {
    this.agent.destroy();
  }
}
