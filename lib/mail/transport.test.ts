import { afterEach, describe, expect, it } from "vitest";
import { messageIdFor } from "./send-mail";
import { closeMailTransport, createMailTransport, setMailTransport } from "./transport";

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

  it("lets tests swap the process's transport", () => {
    expect(setMailTransport({ from: "shop@lavka.test" })?.kind).toBe("CAPTURE");
    expect(setMailTransport({ from: "shop@lavka.test", smtpUrl: "smtp://127.0.0.1:2525" })?.kind).toBe("SMTP");
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
