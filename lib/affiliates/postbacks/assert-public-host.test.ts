import { describe, expect, it } from "vitest";
import { assertPublicHost, isPrivateAddress, PrivateHostError } from "./assert-public-host";

describe("isPrivateAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.16.0.1", true],
    ["172.31.255.255", true],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["169.254.169.254", true], // cloud metadata
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["224.0.0.1", true],
    ["8.8.8.8", false],
    ["93.184.216.34", false],
    ["::1", true],
    ["::", true],
    ["fd00::1", true],
    ["fe80::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:8.8.8.8", false],
    ["2001:4860:4860::8888", false],
    ["not-an-ip", true],
  ])("%s → %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe("assertPublicHost", () => {
  it("refuses literal private hosts and localhost, allows them when told to", async () => {
    await expect(assertPublicHost("http://127.0.0.1:8080/pb", false)).rejects.toBeInstanceOf(PrivateHostError);
    await expect(assertPublicHost("http://[::1]/pb", false)).rejects.toBeInstanceOf(PrivateHostError);
    await expect(assertPublicHost("http://localhost/pb", false)).rejects.toBeInstanceOf(PrivateHostError);
    await expect(assertPublicHost("http://169.254.169.254/latest/meta-data", false)).rejects.toBeInstanceOf(PrivateHostError);
    await expect(assertPublicHost("http://127.0.0.1:8080/pb", true)).resolves.toBeUndefined();
    await expect(assertPublicHost("https://8.8.8.8/pb", false)).resolves.toBeUndefined();
  });
});
