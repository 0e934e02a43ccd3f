// A load at a fixed rate, for the benchmarks: requests sent at evenly spaced moments (open loop: a
// slow answer does not hold the next request back), each one's latency counted from the moment it
// was due, not from when it went out, so that a late send (the client's own event loop, every
// connection busy) is charged to the run too — the correction wrk2 makes for coordinated omission.
// autocannon's `overallRate` is a budget per second instead: each connection sends its share back
// to back at the start of every second and then waits (mcollina/autocannon#174), so "300/s" there
// is 300 requests at once, every second.
import { setTimeout as sleep } from "node:timers/promises";
import { performance } from "node:perf_hooks";
import * as hdr from "hdr-histogram-js";
import { Pool } from "undici";

export interface PacedLoadOptions {
  url: string;
  /** Requests per second, evenly spaced. */
  rate: number;
  /** Seconds of sending. */
  duration: number;
  /** Keep-alive connections the requests share (more are not opened: a request waits for one). */
  connections?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** The body of each request, made when it is due. */
  body?: () => string;
}

export interface LoadFigures {
  /** Answers with a 2xx (or 3xx) status. */
  ok: number;
  /** Seconds the load was sent over. */
  duration: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  /** Failed requests, timeouts and answers with other statuses. */
  errors: number;
}

export async function pacedLoad(options: PacedLoadOptions): Promise<LoadFigures> {
  const target = new URL(options.url);
  const pool = new Pool(target.origin, { connections: options.connections ?? 64, headersTimeout: 10_000, bodyTimeout: 10_000 });
  // Microseconds, up to a minute, three significant digits.
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  const total = Math.round(options.rate * options.duration);
  const interval = 1000 / options.rate;
  let ok = 0;
  let errors = 0;
  const send = async (due: number) => {
    try {
      const response = await pool.request({
        path: `${target.pathname}${target.search}`,
        method: options.method ?? "GET",
        headers: options.headers,
        body: options.body?.(),
      });
      await response.body.dump();
      if (response.statusCode < 400) ok += 1;
      else errors += 1;
    } catch {
      errors += 1;
    }
    histogram.recordValue(Math.max(1, Math.round((performance.now() - due) * 1000)));
  };
  const requests: Promise<void>[] = [];
  const start = performance.now() + 10;
  try {
    for (let index = 0; index < total; index += 1) {
      const due = start + index * interval;
      const wait = due - performance.now();
      if (wait >= 1) await sleep(wait);
      requests.push(send(due));
    }
    await Promise.all(requests);
  } finally {
    await pool.close();
  }
  const ms = (percent: number) => +(histogram.getValueAtPercentile(percent) / 1000).toFixed(1);
  const figures = { ok, duration: options.duration, p50: ms(50), p99: ms(99), errors };
  histogram.destroy();
  return figures;
}
