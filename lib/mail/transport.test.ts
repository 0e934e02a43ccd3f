import type net from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { messageIdFor } from "./send-mail";
import { closeMailTransport, createMailTransport, getMailingTransport, mailingPoolOptions, openSmtpSocket, poolConnections, setMailTransport, type MailTransport } from "./transport";

afterEach(() => closeMailTransport());

describe("createMailTransport", () => {
  it("captures when there is no SMTP URL", () => {
    expect(createMailTransport({ from: "Lavka <shop@lavka.test>" })).toEqual({ kind: "CAPTURE", from: "Lavka <shop@lavka.test>" });
  });

  it("uses nodemailer's pooled SMTP transport for an SMTP URL, keeping the URL's settings", () => {
    const transport = createMailTransport({ from: "shop@lavka.test", smtpUrl: "smtps://user:p%40ss@smtp.example.com:465", smtp: { maxConnections: 2 } });
    if (transport.kind !== "SMTP") throw new Error("expected SMTP");
    const options = (transport.transporter.transporter as unknown as { options: Record<string, unknown> }).options;
    expect(options).toMatchObject({ pool: true, host: "smtp.example.com", port: 465, secure: true, maxConnections: 2, socketTimeout: 30_000 });
    expect(options.auth).toMatchObject({ user: "user", pass: "p@ss" });
    transport.transporter.close();
  });

  it("gives mailings a pool of their own, sized by the setting unless the URL says otherwise", () => {
    const pool = (transport: MailTransport) => {
      if (transport.kind !== "SMTP") throw new Error("expected SMTP");
      return (transport.transporter.transporter as unknown as { options: Record<string, unknown> }).options;
    };
    const mailing = createMailTransport({ from: "shop@lavka.test", smtpUrl: "smtp://smtp.example.com:587", smtp: mailingPoolOptions(12) });
    expect(pool(mailing)).toMatchObject({ maxConnections: 12, maxMessages: 1_000, socketTimeout: 30_000 });
    expect(mailing.kind === "SMTP" && poolConnections(mailing)).toBe(12);
    const capped = createMailTransport({ from: "shop@lavka.test", smtpUrl: "smtp://smtp.example.com:587?maxConnections=3", smtp: mailingPoolOptions(12) });
    expect(capped.kind === "SMTP" && poolConnections(capped)).toBe(3);
    const plain = createMailTransport({ from: "shop@lavka.test", smtpUrl: "smtp://smtp.example.com:587" });
    expect(plain.kind === "SMTP" && poolConnections(plain)).toBe(5);
    for (const transport of [mailing, capped, plain]) if (transport.kind === "SMTP") transport.transporter.close();
  });

  it("points the mailings' pool where setMailTransport points, sized by SMTP_MAILING_CONNECTIONS", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://lavka@127.0.0.1:5432/lavka");
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(32));
    vi.stubEnv("SMTP_MAILING_CONNECTIONS", "7");
    resetEnvCache();
    try {
      setMailTransport({ from: "shop@lavka.test", smtpUrl: "smtp://127.0.0.1:2525" });
      const mailing = getMailingTransport();
      expect(getMailingTransport()).toBe(mailing);
      if (mailing.kind !== "SMTP") throw new Error("expected SMTP");
      const options = (mailing.transporter.transporter as unknown as { options: Record<string, unknown> }).options;
      expect(options).toMatchObject({ host: "127.0.0.1", port: 2525, maxConnections: 7, maxMessages: 1_000 });
    } finally {
      vi.unstubAllEnvs();
      resetEnvCache();
    }
  });

  it("lets tests swap the process's transport", () => {
    expect(setMailTransport({ from: "shop@lavka.test" })?.kind).toBe("CAPTURE");
    expect(setMailTransport({ from: "shop@lavka.test", smtpUrl: "smtp://127.0.0.1:2525" })?.kind).toBe("SMTP");
  });
});

/** A real SMTP server on a free loopback port; smtps (implicit TLS, smtp-server's own test certificate) when `secure`. */
async function startSink(secure: boolean) {
  const received: { secure: boolean; raw: string }[] = [];
  const server = new SMTPServer({
    secure,
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ secure: session.secure, raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address() as net.AddressInfo;
  return { port: address.port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const openSocket = (options: Parameters<typeof openSmtpSocket>[0]) =>
  new Promise<net.Socket>((resolve, reject) => openSmtpSocket(options, (error, socketOptions) => (error ? reject(error) : resolve(socketOptions!.connection))));

describe("the pool's sockets", () => {
  it("connect with Nagle's algorithm off", async () => {
    const sink = await startSink(false);
    try {
      const socket = await openSocket({ host: "127.0.0.1", port: sink.port });
      // net.Socket keeps what setNoDelay was given under this symbol; there is no public getter.
      const noDelay = Object.getOwnPropertySymbols(socket).find((symbol) => symbol.description === "kSetNoDelay");
      socket.destroy();
      expect(noDelay && (socket as unknown as Record<symbol, unknown>)[noDelay]).toBe(true);
    } finally {
      await sink.close();
    }
  });

  it("carry plain SMTP and implicit TLS (smtps://), nodemailer negotiating TLS on them", async () => {
    for (const secure of [false, true]) {
      const sink = await startSink(secure);
      const transport = createMailTransport({
        from: "shop@lavka.test",
        smtpUrl: `${secure ? "smtps" : "smtp"}://127.0.0.1:${sink.port}`,
        smtp: { tls: { rejectUnauthorized: false } },
      });
      if (transport.kind !== "SMTP") throw new Error("expected SMTP");
      try {
        await transport.transporter.sendMail({ from: "shop@lavka.test", to: "buyer@lavka.test", subject: `over ${secure ? "TLS" : "plain"}`, text: "hello" });
        expect(sink.received).toHaveLength(1);
        expect(sink.received[0]!.secure).toBe(secure);
        expect(sink.received[0]!.raw).toContain(`Subject: over ${secure ? "TLS" : "plain"}`);
      } finally {
        transport.transporter.close();
        await sink.close();
      }
    }
  });

  it("fail with the socket's error when nothing listens", async () => {
    const sink = await startSink(false);
    const port = sink.port;
    await sink.close();
    await expect(openSocket({ host: "127.0.0.1", port })).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});

describe("messageIdFor", () => {
  it("is stable per key, differs between keys and uses the sender's domain", () => {
    const first = messageIdFor("order:1:confirm", "Lavka <no-reply@Lavka.Example>");
    expect(first).toBe(messageIdFor("order:1:confirm", "Lavka <no-reply@Lavka.Example>"));
    expect(first).not.toBe(messageIdFor("order:2:confirm", "Lavka <no-reply@Lavka.Example>"));
    expect(first).toMatch(/^<[0-9a-f]{40}@lavka\.example>$/);
    expect(first).not.toContain("order");
  });

  it("falls back to a local domain for a bare or odd From", () => {
    expect(messageIdFor("k", "Lavka")).toMatch(/@lavka\.local>$/);
    expect(messageIdFor("k", "shop@example.org")).toMatch(/@example\.org>$/);
  });
});
