// The download route of digital purchases (GET /order/download/<token>/files/<fileId>), called as
// Next.js calls it, against a real PostgreSQL and a real file store in a temporary directory:
// a valid link streams the exact bytes with name, type and length and counts one use; forged,
// malformed and foreign links or files are 404; expired, used-up and revoked links are 410;
// concurrent downloads never pass the limit; nothing is counted for a refused download.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, HEAD } from "@/app/order/download/[token]/files/[fileId]/route";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import { db, disconnectDb } from "@/lib/db";
import { deliverDigitalGoodsNow } from "@/lib/digital/deliver-digital-goods";
import { downloadLimitOf } from "@/lib/digital/download-rules";
import { loadDownloadLink } from "@/lib/digital/load-download-link";
import { resetEnvCache } from "@/lib/env";
import { getFileStore } from "@/lib/files/file-store";
import { createDigitalOrder, digitalTestCleanup } from "@/tests/helpers/digital-fixtures";

const fx = checkoutFixtures("digital-downloads");
let dir = "";
const contents = {
  pdf: randomBytes(70_000),
  video: Buffer.from("Урок 2: начало\n".repeat(100)),
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lavka-downloads-"));
  process.env.FILE_STORAGE_DIR = dir;
  resetEnvCache();
  await ensureCheckoutReferenceData();
});

afterAll(async () => {
  await digitalTestCleanup(fx);
  await rm(dir, { recursive: true, force: true });
  await disconnectDb();
});

async function storedFile(productId: string, fileName: string, bytes: Buffer, contentType: string, position: number) {
  const stored = await getFileStore().put(Readable.from([bytes]));
  return db.digitalFile.create({
    data: { productId, fileName, storageKey: stored.key, contentType, sizeBytes: BigInt(stored.sizeBytes), sha256: stored.sha256, position },
    select: { id: true, storageKey: true },
  });
}

/** A paid, delivered order of a product with two files and a pin code; its raw token. */
async function deliveredOrder() {
  const product = await fx.createProduct({ type: "DIGITAL", stock: null, shipping: [] });
  const pdf = await storedFile(product.id, "manual.pdf", contents.pdf, "application/pdf", 0);
  const video = await storedFile(product.id, "Урок 2 «старт».txt", contents.video, "text/plain", 1);
  await db.pinCode.create({ data: { productId: product.id, code: `CODE-${fx.run}-${product.slug}` } });
  const order = await createDigitalOrder(fx, product, { paymentMethod: "PREPAID", paymentStatus: "PAID", status: "CONFIRMED" });
  const { token } = await deliverDigitalGoodsNow(order.id);
  const link = await db.linkToken.findFirstOrThrow({ where: { orderId: order.id, purpose: "DOWNLOAD" }, select: { id: true } });
  return { product, order, token: token!, linkId: link.id, files: { pdf, video } };
}

function download(token: string, fileId: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://localhost:3000/order/download/${token}/files/${fileId}`, { headers }), { params: Promise.resolve({ token, fileId }) });
}

const useCount = async (linkId: string) => (await db.linkToken.findUniqueOrThrow({ where: { id: linkId }, select: { useCount: true } })).useCount;

describe("a valid link", () => {
  it("streams the exact bytes with type, length and an RFC 5987 name, and counts one use", async () => {
    const { token, linkId, files } = await deliveredOrder();
    const response = await download(token, files.pdf.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-length")).toBe(String(contents.pdf.length));
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="manual.pdf"; filename*=UTF-8''manual.pdf`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(contents.pdf)).toBe(true);
    expect(await useCount(linkId)).toBe(1);

    const unicode = await download(token, files.video.id);
    expect(unicode.status).toBe(200);
    const disposition = unicode.headers.get("content-disposition")!;
    expect(disposition).toContain("filename*=UTF-8''%D0%A3%D1%80%D0%BE%D0%BA%202%20%C2%AB%D1%81%D1%82%D0%B0%D1%80%D1%82%C2%BB.txt");
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe("Урок 2 «старт».txt");
    expect(Buffer.from(await unicode.arrayBuffer()).equals(contents.video)).toBe(true);
    expect(await useCount(linkId)).toBe(2);
  });

  it("answers HEAD with 405 and counts nothing", async () => {
    const { linkId } = await deliveredOrder();
    expect(HEAD().status).toBe(405);
    expect(await useCount(linkId)).toBe(0);
  });
});

describe("refused downloads", () => {
  it("404 for a forged or malformed token, in the visitor's language", async () => {
    const { files } = await deliveredOrder();
    const forged = await download(randomBytes(32).toString("base64url"), files.pdf.id, { "accept-language": "en-US,en;q=0.9" });
    expect(forged.status).toBe(404);
    expect(await forged.text()).toContain("This download link is not valid");
    const malformed = await download("../../etc/passwd", files.pdf.id, { cookie: "lavka_locale=ru" });
    expect(malformed.status).toBe(404);
    expect(await malformed.text()).toContain("Ссылка для скачивания недействительна");
  });

  it("404 for a file of another order's product or an unknown file, counting nothing", async () => {
    const mine = await deliveredOrder();
    const other = await deliveredOrder();
    for (const fileId of [other.files.pdf.id, "nope", "a".repeat(65)]) {
      const response = await download(mine.token, fileId);
      expect(response.status).toBe(404);
    }
    expect(await useCount(mine.linkId)).toBe(0);
  });

  it("410 for an expired link, in the order's language", async () => {
    const { token, linkId, files } = await deliveredOrder();
    await db.linkToken.update({ where: { id: linkId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await download(token, files.pdf.id, { "accept-language": "en" });
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("Срок действия ссылки истёк"); // the order is in Russian
    expect(await useCount(linkId)).toBe(0);
  });

  it("410 once the limit is used, and concurrent downloads never pass it", async () => {
    const { token, linkId, files } = await deliveredOrder();
    const limit = downloadLimitOf(2);
    await db.linkToken.update({ where: { id: linkId }, data: { useCount: limit - 2 } });
    const responses = await Promise.all(Array.from({ length: 5 }, () => download(token, files.pdf.id)));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 410, 410, 410]);
    await Promise.all(responses.map((response) => response.arrayBuffer()));
    expect(await useCount(linkId)).toBe(limit);
    expect((await download(token, files.video.id)).status).toBe(410);
  });

  it("410 when the order was refunded or cancelled", async () => {
    const { order, token, files } = await deliveredOrder();
    await db.order.update({ where: { id: order.id }, data: { paymentStatus: "REFUNDED" } });
    const response = await download(token, files.pdf.id);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("Покупка больше недоступна");
  });

  it("404 without counting when the bytes are missing from the store", async () => {
    const { token, linkId, files } = await deliveredOrder();
    await getFileStore().remove(files.pdf.storageKey);
    expect((await download(token, files.pdf.id)).status).toBe(404);
    expect(await useCount(linkId)).toBe(0);
  });
});

describe("the download page's view of a link", () => {
  it("lists the files in order and the codes, and tells the states apart", async () => {
    const { order, token, linkId, product } = await deliveredOrder();
    const link = await loadDownloadLink(token);
    expect(link).toMatchObject({ state: "VALID", useCount: 0, limit: downloadLimitOf(2), order: { number: order.number, locale: "ru" } });
    expect(link!.files.map((file) => file.fileName)).toEqual(["manual.pdf", "Урок 2 «старт».txt"]);
    expect(link!.pinCodes).toEqual([{ productName: product.name, codes: [`CODE-${fx.run}-${product.slug}`] }]);

    expect(await loadDownloadLink(randomBytes(32).toString("base64url"))).toBeNull();
    expect(await loadDownloadLink("short")).toBeNull();

    await db.linkToken.update({ where: { id: linkId }, data: { useCount: downloadLimitOf(2) } });
    expect((await loadDownloadLink(token))!.state).toBe("USED_UP");
    await db.linkToken.update({ where: { id: linkId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await loadDownloadLink(token))!.state).toBe("EXPIRED");
    await db.order.update({ where: { id: order.id }, data: { status: "RETURNED" } });
    expect((await loadDownloadLink(token))!.state).toBe("REVOKED");
  });

  it("a link of another purpose is no download link", async () => {
    const { order } = await deliveredOrder();
    const { createLinkToken } = await import("@/lib/tokens/create-link-token");
    const confirm = await db.$transaction((tx) => createLinkToken(tx, { purpose: "CONFIRM_ORDER", ttlHours: 1, orderId: order.id }));
    expect(await loadDownloadLink(confirm.token)).toBeNull();
  });
});
