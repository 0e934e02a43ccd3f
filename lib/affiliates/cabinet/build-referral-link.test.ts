import { describe, expect, it } from "vitest";
import { buildReferralLink } from "./build-referral-link";

describe("buildReferralLink", () => {
  it.each([
    [{ appUrl: "https://shop.test", login: "alpha" }, "https://shop.test/r/alpha"],
    [{ appUrl: "https://shop.test/", login: "alpha", productSlug: "casio-g-shock" }, "https://shop.test/r/alpha?to=casio-g-shock"],
    [
      { appUrl: "https://shop.test", login: "alpha", productSlug: "casio-g-shock", subs: { sub1: " tiktok ", sub3: "ad 7&x=1", sub2: "  " } },
      "https://shop.test/r/alpha?to=casio-g-shock&sub1=tiktok&sub3=ad+7%26x%3D1",
    ],
    [{ appUrl: "http://localhost:3000", login: "beta", subs: { sub5: "last" } }, "http://localhost:3000/r/beta?sub5=last"],
  ])("%j", (input, expected) => {
    expect(buildReferralLink(input)).toBe(expected);
  });
});
