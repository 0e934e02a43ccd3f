import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIpFrom, isLoopbackIp, normalizeIp, resolveClientIp, setClientAddress } from "./client-ip";
import { parseEnv } from "./env";
import { parseTrustedProxies, trustedProxyBlockList } from "./env/trusted-proxies";

const trusted = (value: string) => trustedProxyBlockList(parseTrustedProxies(value).entries);
const NONE = trusted("");
const LOCAL_PROXY = trusted("127.0.0.1, ::1, 10.0.0.0/8, fd00::/8");

describe("parseTrustedProxies", () => {
  it("reads addresses and CIDR ranges of both families, ignoring blanks", () => {
    expect(parseTrustedProxies(" 127.0.0.1 ,, 10.0.0.0/8, ::1, fd00::/8 ")).toEqual({
      entries: [
        { address: "127.0.0.1", prefix: undefined, family: "ipv4" },
        { address: "10.0.0.0", prefix: 8, family: "ipv4" },
        { address: "::1", prefix: undefined, family: "ipv6" },
        { address: "fd00::", prefix: 8, family: "ipv6" },
      ],
      invalid: [],
    });
  });

  it("reports every entry that is not an address or a range", () => {
    expect(parseTrustedProxies("proxy.local, 10.0.0.0/33, 1.2.3.4/8/1, ::1/129, 10.0.0.0/x, 300.1.1.1").invalid).toEqual([
      "proxy.local",
      "10.0.0.0/33",
      "1.2.3.4/8/1",
      "::1/129",
      "10.0.0.0/x",
      "300.1.1.1",
    ]);
  });

  it("is validated by parseEnv, naming the variable", () => {
    const base = { DATABASE_URL: "postgresql://localhost/lavka", NEXTAUTH_SECRET: "x".repeat(32) };
    expect(parseEnv(base).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ ...base, TRUSTED_PROXIES: "10.1.0.0/16" }).TRUSTED_PROXIES).toEqual([{ address: "10.1.0.0", prefix: 16, family: "ipv4" }]);
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "10.1.0.0/16, nginx" })).toThrow(/TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges .*\(not nginx\)/);
  });
});

describe("resolveClientIp", () => {
  it("ignores the headers when no proxy is trusted", () => {
    expect(resolveClientIp("203.0.113.7", { forwardedFor: "127.0.0.1", realIp: "127.0.0.1" }, NONE)).toBe("203.0.113.7");
    expect(resolveClientIp("::ffff:127.0.0.1", { forwardedFor: "198.51.100.1" }, NONE)).toBe("127.0.0.1");
  });

  it("ignores the headers from a peer that is not a trusted proxy", () => {
    expect(resolveClientIp("203.0.113.7", { forwardedFor: "198.51.100.1" }, LOCAL_PROXY)).toBe("203.0.113.7");
  });

  it("walks X-Forwarded-For from the right past trusted proxies", () => {
    expect(resolveClientIp("127.0.0.1", { forwardedFor: "198.51.100.1" }, LOCAL_PROXY)).toBe("198.51.100.1");
    // The client wrote "1.1.1.1, 127.0.0.1" itself; the proxies appended the rest.
    expect(resolveClientIp("::ffff:10.0.0.2", { forwardedFor: "1.1.1.1, 127.0.0.1, 198.51.100.1, 10.0.0.9" }, LOCAL_PROXY)).toBe("198.51.100.1");
    expect(resolveClientIp("::1", { forwardedFor: "2001:db8::5, fd00::1" }, LOCAL_PROXY)).toBe("2001:db8::5");
  });

  it("stops at the last trusted hop when every entry is a proxy or one is not an address", () => {
    expect(resolveClientIp("127.0.0.1", { forwardedFor: "10.0.0.3, 10.0.0.4" }, LOCAL_PROXY)).toBe("10.0.0.3");
    expect(resolveClientIp("127.0.0.1", { forwardedFor: "198.51.100.1, garbage, 10.0.0.4" }, LOCAL_PROXY)).toBe("10.0.0.4");
  });

  it("uses a trusted proxy's X-Real-IP when there is no X-Forwarded-For", () => {
    expect(resolveClientIp("127.0.0.1", { realIp: "198.51.100.2" }, LOCAL_PROXY)).toBe("198.51.100.2");
    expect(resolveClientIp("127.0.0.1", { realIp: "nonsense" }, LOCAL_PROXY)).toBe("127.0.0.1");
    expect(resolveClientIp("203.0.113.7", { realIp: "198.51.100.2" }, LOCAL_PROXY)).toBe("203.0.113.7");
  });

  it("answers unknown without a peer address", () => {
    expect(resolveClientIp(undefined, { forwardedFor: "198.51.100.1" }, LOCAL_PROXY)).toBe("unknown");
  });
});

describe("setClientAddress and clientIpFrom", () => {
  const request = (remoteAddress: string, headers: Record<string, string>) => ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;

  it("leaves the resolved address as the only X-Forwarded-For entry and drops X-Real-IP", () => {
    const spoofed = request("203.0.113.7", { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1" });
    expect(setClientAddress(spoofed, NONE)).toBe("203.0.113.7");
    expect(spoofed.headers).toEqual({ "x-forwarded-for": "203.0.113.7" });
    expect(clientIpFrom(new Headers(spoofed.headers as Record<string, string>))).toBe("203.0.113.7");
    expect(clientIpFrom(spoofed.headers)).toBe("203.0.113.7");

    const proxied = request("127.0.0.1", { "x-forwarded-for": "198.51.100.1" });
    setClientAddress(proxied, LOCAL_PROXY);
    expect(clientIpFrom(proxied.headers)).toBe("198.51.100.1");
  });

  it("reads unknown when nothing names the client", () => {
    expect(clientIpFrom(new Headers())).toBe("unknown");
    expect(clientIpFrom(undefined)).toBe("unknown");
  });
});

describe("normalizeIp and isLoopbackIp", () => {
  it("normalises mapped, bracketed and zoned addresses", () => {
    expect(normalizeIp("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeIp("[::1]")).toBe("::1");
    expect(normalizeIp("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeIp("localhost")).toBeUndefined();
  });

  it("knows the machine's own addresses", () => {
    expect(["127.0.0.1", "127.8.0.1", "::1", "::ffff:127.0.0.1"].map(isLoopbackIp)).toEqual([true, true, true, true]);
    expect(["10.0.0.1", "unknown", "::2", "128.0.0.1"].map(isLoopbackIp)).toEqual([false, false, false, false]);
  });
});
