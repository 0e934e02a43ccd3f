// closeGracefully under steady keep-alive traffic: the requests in flight are answered, the
// clients are told to leave, and the server closes long before its deadline.
import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { closeGracefully } from "./close-gracefully";

let server: Server | undefined;
let agent: Agent | undefined;

afterEach(() => {
  agent?.destroy();
  server?.closeAllConnections();
  server?.close();
});

function get(port: number): Promise<{ status?: number; connection?: string; error?: string }> {
  return new Promise((resolve) => {
    const call = request({ host: "127.0.0.1", port, path: "/", agent }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode, connection: response.headers.connection }));
    });
    call.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    call.end();
  });
}

it("answers every request in flight, closes keep-alive connections after them, and finishes well before the deadline", async () => {
  // Each answer takes 200 ms: there is always a request in flight on every connection.
  server = createServer((_request, response) => setTimeout(() => response.end("ok"), 200));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  agent = new Agent({ keepAlive: true, maxSockets: 4 });

  // Four clients, each sending its next request as soon as the last one is answered, before the
  // stop and after it (as shoppers would), until the server is gone.
  type Answer = Awaited<ReturnType<typeof get>>;
  const current: Promise<Answer>[] = [];
  const afterStop: Answer[] = [];
  let stopped = false;
  const client = async (index: number) => {
    for (;;) {
      const sentAfterStop = stopped;
      const answer = (current[index] = get(port));
      const result = await answer;
      if (sentAfterStop) afterStop.push(result);
      if (result.error) return;
    }
  };
  const clients = Array.from({ length: 4 }, (_, index) => client(index));
  await new Promise((resolve) => setTimeout(resolve, 500));

  const inFlight = [...current];
  stopped = true;
  const started = Date.now();
  const { timedOut } = await closeGracefully(server, 5_000);
  const closedAfter = Date.now() - started;
  await Promise.all(clients);

  expect(timedOut).toBe(false);
  expect(closedAfter).toBeLessThan(2_000);
  // Every request in flight at the stop was answered (the next one on its connection is told to leave).
  expect((await Promise.all(inFlight)).map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
  // Later ones were answered the same way, or found the server gone: refused, or reset when sent on
  // a kept-alive connection in the instant it was being closed as idle (the client's agent cannot
  // know; HTTP clients retry such a request). The requests the server had read are the in-flight ones above.
  for (const answer of afterStop) {
    if (answer.error) expect(["ECONNREFUSED", "ECONNRESET"]).toContain(answer.error);
    else expect(answer).toEqual({ status: 200, connection: "close" });
  }
});
