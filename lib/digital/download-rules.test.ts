import { describe, expect, it } from "vitest";
import { deliveryNote, type DigitalProductDelivery } from "./deliver-digital-goods";
import { DOWNLOAD_LINK_TTL_HOURS, downloadFilePath, downloadLimitOf, downloadPagePath, DOWNLOADS_PER_FILE } from "./download-rules";

describe("download rules", () => {
  it("lasts 30 days and allows 10 downloads per file, shared by the order's files", () => {
    expect(DOWNLOAD_LINK_TTL_HOURS).toBe(720);
    expect(DOWNLOADS_PER_FILE).toBe(10);
    expect(downloadLimitOf(3)).toBe(30);
    expect(downloadLimitOf(0)).toBe(0);
    expect(downloadLimitOf(-1)).toBe(0);
  });

  it("builds the page and file paths, encoding the file id", () => {
    expect(downloadPagePath("tok")).toBe("/order/download/tok");
    expect(downloadFilePath("tok", "a/b")).toBe("/order/download/tok/files/a%2Fb");
  });
});

describe("deliveryNote", () => {
  const product = (overrides: Partial<DigitalProductDelivery>): DigitalProductDelivery => ({
    productId: "p",
    productName: "Course",
    quantity: 1,
    codes: [],
    sellsCodes: false,
    fileCount: 1,
    ...overrides,
  });

  it("counts files and codes", () => {
    expect(deliveryNote([product({ quantity: 2, codes: ["A", "B"], sellsCodes: true })], 3, true)).toBe("digital goods delivered: 3 file(s), 2 pin code(s)");
  });

  it("names a shortfall, a product with nothing to deliver, and a missing email", () => {
    const note = deliveryNote([product({ quantity: 3, codes: ["A"], sellsCodes: true }), product({ productName: "Empty", fileCount: 0 })], 1, false);
    expect(note).toBe(
      'digital goods delivered: 1 file(s), 1 pin code(s); not enough pin codes for "Course": 1 of 3 given; "Empty" has no files and no pin codes; no email address: the purchase mail was not sent',
    );
  });

  it("is no shortfall when a product sells no codes", () => {
    expect(deliveryNote([product({ quantity: 5 })], 1, true)).toBe("digital goods delivered: 1 file(s), 0 pin code(s)");
  });
});
