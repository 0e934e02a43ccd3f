// The client's address as the load balancer reports it. Lavka runs behind a proxy in
// production (the first X-Forwarded-For entry is the client); without one, x-real-ip or nothing.
export function clientIpFrom(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
