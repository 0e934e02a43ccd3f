// The client address of the request being served, for audit entries whose caller did not pass
// one: read through next/headers, which works anywhere inside a route handler, Server Action or
// page (lib/client-ip.ts explains why that header holds the resolved client, TRUSTED_PROXIES
// applied). Outside a request (the worker, scripts, tests) there is none: null.
import { clientIpFrom } from "@/lib/client-ip";

export async function currentRequestIp(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    const ip = clientIpFrom(await headers());
    return ip === "unknown" ? null : ip;
  } catch {
    return null;
  }
}
