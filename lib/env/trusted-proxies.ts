// TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For / X-Real-IP Lavka believes, as a
// comma-separated list of addresses and CIDR ranges ("127.0.0.1, 10.0.0.0/8, fd00::/8").
import { BlockList, isIP } from "node:net";

export interface TrustedProxyEntry {
  address: string;
  prefix?: number;
  family: "ipv4" | "ipv6";
}

/** Parses the list; `invalid` holds every entry that is neither an address nor a CIDR range. */
export function parseTrustedProxies(value: string): { entries: TrustedProxyEntry[]; invalid: string[] } {
  const entries: TrustedProxyEntry[] = [];
  const invalid: string[] = [];
  for (const raw of value.split(",")) {
    const item = raw.trim();
    if (!item) continue;
    const [address = "", prefixText, extra] = item.split("/");
    const version = isIP(address);
    const family = version === 4 ? "ipv4" : "ipv6";
    const maxPrefix = version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? undefined : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (version === 0 || extra !== undefined || (prefix !== undefined && !(prefix >= 0 && prefix <= maxPrefix))) invalid.push(item);
    else entries.push({ address, prefix, family });
  }
  return { entries, invalid };
}

export function trustedProxyBlockList(entries: readonly TrustedProxyEntry[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    if (entry.prefix === undefined) list.addAddress(entry.address, entry.family);
    else list.addSubnet(entry.address, entry.prefix, entry.family);
  }
  return list;
}
