// The mailings benchmark's SMTP sink (scripts/bench-mailings.ts), in a process of its own as a
// real MTA is: in the benchmark's process it took ~0.6–1 ms of the one event loop's CPU per mail
// that the sender under test then did not get. It accepts every mail and keeps only a count
// (what a fast MTA's queue does first). smtp-server (≥ 3.19.19) turns Nagle off on the sockets it
// accepts, so its replies are not held back; the reverse DNS look-up of each new connection is
// skipped, as a sink on loopback has no use for it.
// IPC: sends { port } when listening; answers "stats" with { accepted, cpuMicros }; "stop" exits.
import { SMTPServer } from "smtp-server";

let accepted = 0;
const sink = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  authOptional: true,
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      accepted += 1;
      callback();
    });
  },
});

sink.listen(0, "127.0.0.1", () => {
  const address = sink.server.address();
  if (!address || typeof address === "string") throw new Error("the SMTP sink has no port");
  process.send!({ port: address.port });
});

process.on("message", (message) => {
  if (message === "stats") {
    const cpu = process.cpuUsage();
    process.send!({ accepted, cpuMicros: cpu.user + cpu.system });
  } else if (message === "stop") {
    sink.close(() => process.exit(0));
  }
});
// The parent went away without "stop": do not linger.
process.on("disconnect", () => process.exit(0));
