// The admin side of digital goods against a real PostgreSQL and a real file store in a temporary
// directory: uploads through the real route handler (streamed raw body, OWNER and MANAGER only,
// size limit with nothing kept, clean names, SHA-256), listing and deleting scoped by product,
// removing free pin codes, the order page's delivery view and "send the purchase mail again".
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as NextAuthModule from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE } from "@/app/api/admin/products/[id]/files/[fileId]/route";
import { GET as listRoute, POST as uploadRoute } from "@/app/api/admin/products/[id]/files/route";
import { checkoutFixtures, ensureCheckoutReferenceData } from "@/lib/checkout/test-fixtures";
import type { Role } from "@/lib/db/generated/enums";
import { db, disconnectDb, type Prisma } from "@/lib/db";
import { deliverDigitalGoodsNow } from "@/lib/digital/deliver-digital-goods";
import { getOrderDigitalDelivery } from "@/lib/digital/get-order-digital-delivery";
import { resendMailKey, resendPurchaseMail } from "@/lib/digital/resend-purchase-mail";
import { resetEnvCache } from "@/lib/env";
import { removePinCodes } from "@/lib/products/remove-pin-codes";
import { hashLinkToken } from "@/lib/tokens/link-token";
import { createDigitalOrder, digitalTestCleanup } from "@/tests/helpers/digital-fixtures";

// The route handlers read the session through next-auth; the tests choose who is signed in.
const session = vi.hoisted(() => ({ current: null as null | { actor: unknown } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));

const fx = checkoutFixtures("digital-admin");
const MAX_BYTES = 64 * 1024;
let dir = "";
const users: Partial<Record<Role, { id: string }>> = {};
const resendKeys: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lavka-admin-files-"));
  process.env.FILE_STORAGE_DIR = dir;
  process.env.FILE_MAX_BYTES = String(MAX_BYTES);
  resetEnvCache();
  await ensureCheckoutReferenceData();
  for (const role of ["OWNER", "MANAGER", "OPERATOR"] as const) {
    users[role] = await db.user.create({ data: { email: `${role.toLowerCase()}-${fx.run}@digital.test`, name: role, passwordHash: "x", role }, select: { id: true } });
  }
});

beforeEach(() => signInAs("OWNER"));

afterAll(async () => {
  await db.$executeRaw`DELETE FROM "OutboxEvent" WHERE payload->>'idempotencyKey' = ANY(${resendKeys}::text[])`;
  await digitalTestCleanup(fx);
  const userIds = Object.values(users).map((user) => user.id);
  await db.auditLog.deleteMany({ where: { actorId: { in: userIds } } });
  await db.orderStatusChange.deleteMany({ where: { actorId: { in: userIds } } });
  await db.user.deleteMany({ where: { id: { in: userIds } } });
  await rm(dir, { recursive: true, force: true });
  delete process.env.FILE_MAX_BYTES;
  resetEnvCache();
  await disconnectDb();
});

function signInAs(role: Role | null) {
  session.current = role ? { actor: { kind: "staff", id: users[role]!.id, role, name: role, email: "x@digital.test", sessionVersion: 0 } } : null;
}

const digitalProduct = () => fx.createProduct({ type: "DIGITAL", stock: null, shipping: [] });

function upload(productId: string, body: BodyInit | null, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost:3000/api/admin/products/${productId}/files`, {
    method: "POST",
    headers: { "content-type": "application/pdf", "x-file-name": encodeURIComponent("Урок 1.pdf"), ...headers },
    body,
    // A streamed request body (what a browser sends for a large file).
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  return uploadRoute(request, { params: Promise.resolve({ id: productId }) });
}

function streamOf(chunks: Buffer[]) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      controller.close();
    },
  });
}

async function storedFiles() {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

describe("upload", () => {
  it("streams an owner's file into the store with its clean name, type, size and SHA-256", async () => {
    const product = await digitalProduct();
    const bytes = randomBytes(50_000);
    const response = await upload(product.id, streamOf([bytes.subarray(0, 20_000), bytes.subarray(20_000)]));
    expect(response.status).toBe(201);
    const { file } = (await response.json()) as { file: { id: string; fileName: string; contentType: string; sizeBytes: string } };
    expect(file).toMatchObject({ fileName: "Урок 1.pdf", contentType: "application/pdf", sizeBytes: "50000" });

    const row = await db.digitalFile.findUniqueOrThrow({ where: { id: file.id }, select: { storageKey: true, sha256: true, productId: true, position: true } });
    expect(row).toMatchObject({ productId: product.id, sha256: sha256(bytes), position: 0 });
    expect(row.storageKey).toMatch(/^[0-9a-f]{32}$/); // random, never the uploader's name
    expect(await readFile(path.join(dir, row.storageKey.slice(0, 2), row.storageKey))).toEqual(bytes);
    const audit = await db.auditLog.findFirst({ where: { entityId: product.id, action: "product.file_added" }, select: { actorId: true } });
    expect(audit?.actorId).toBe(users.OWNER!.id);
  });

  it("lets a manager upload too, puts later files after earlier ones and lists them", async () => {
    signInAs("MANAGER");
    const product = await digitalProduct();
    await upload(product.id, Buffer.from("first"), { "x-file-name": "a.txt", "content-type": "text/plain; charset=utf-8" });
    const second = await upload(product.id, Buffer.from("second"), { "x-file-name": encodeURIComponent("../../b.zip"), "content-type": "" });
    expect(second.status).toBe(201);
    const listed = await listRoute(new Request("http://localhost:3000/x"), { params: Promise.resolve({ id: product.id }) });
    const { files } = (await listed.json()) as { files: { fileName: string; contentType: string; sizeBytes: string }[] };
    expect(files).toEqual([
      expect.objectContaining({ fileName: "a.txt", contentType: "text/plain", sizeBytes: "5" }),
      expect.objectContaining({ fileName: "b.zip", contentType: "application/octet-stream", sizeBytes: "6" }),
    ]);
  });

  it("refuses other roles (403) and anonymous visitors (401), storing nothing", async () => {
    const product = await digitalProduct();
    const before = await storedFiles();
    signInAs("OPERATOR");
    expect((await upload(product.id, Buffer.from("x"))).status).toBe(403);
    signInAs(null);
    expect((await upload(product.id, Buffer.from("x"))).status).toBe(401);
    expect(await storedFiles()).toEqual(before);
    expect(await db.digitalFile.count({ where: { productId: product.id } })).toBe(0);
  });

  it("refuses a file over FILE_MAX_BYTES with 413 and keeps nothing, however its size is declared", async () => {
    const product = await digitalProduct();
    const before = await storedFiles();
    const streamed = await upload(product.id, streamOf([randomBytes(40_000), randomBytes(40_000)]));
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", fieldErrors: { file: ["products.files.errors.tooLarge"] } } });
    const declared = await upload(product.id, Buffer.alloc(10), { "content-length": String(MAX_BYTES + 1) });
    expect(declared.status).toBe(413);
    expect(await storedFiles()).toEqual(before);
    expect(await db.digitalFile.count({ where: { productId: product.id } })).toBe(0);
  });

  it("422 for an empty file or a file without a name, 404 for an unknown product", async () => {
    const product = await digitalProduct();
    const empty = await upload(product.id, Buffer.alloc(0));
    expect(empty.status).toBe(422);
    expect(await empty.json()).toMatchObject({ error: { fieldErrors: { file: ["products.files.errors.empty"] } } });
    const nameless = await upload(product.id, Buffer.from("x"), { "x-file-name": encodeURIComponent("..") });
    expect(nameless.status).toBe(422);
    expect(await nameless.json()).toMatchObject({ error: { fieldErrors: { file: ["products.files.errors.nameInvalid"] } } });
    expect((await upload(product.id, Buffer.from("x"), { "x-file-name": "%E0%A4%A" })).status).toBe(422); // malformed encoding
    expect((await upload("no-such-product", Buffer.from("x"))).status).toBe(404);
    expect(await db.digitalFile.count({ where: { productId: product.id } })).toBe(0);
  });
});

describe("delete", () => {
  it("removes the row and the bytes, and only through the file's own product", async () => {
    const product = await digitalProduct();
    const other = await digitalProduct();
    const { file } = (await (await upload(product.id, Buffer.from("bytes"))).json()) as { file: { id: string } };
    const { storageKey } = await db.digitalFile.findUniqueOrThrow({ where: { id: file.id }, select: { storageKey: true } });
    const remove = (productId: string) => DELETE(new Request("http://localhost:3000/x", { method: "DELETE" }), { params: Promise.resolve({ id: productId, fileId: file.id }) });

    expect((await remove(other.id)).status).toBe(404);
    signInAs("OPERATOR");
    expect((await remove(product.id)).status).toBe(403);
    signInAs("OWNER");
    expect((await remove(product.id)).status).toBe(204);
    expect(await db.digitalFile.count({ where: { id: file.id } })).toBe(0);
    expect((await storedFiles()).some((file) => file.endsWith(storageKey))).toBe(false);
    expect((await remove(product.id)).status).toBe(404);
  });
});

describe("pin codes", () => {
  it("removes only free codes of the paste; codes given to orders stay", async () => {
    const product = await digitalProduct();
    await db.pinCode.createMany({ data: ["A-1", "A-2", "A-3"].map((code) => ({ productId: product.id, code })) });
    const order = await createDigitalOrder(fx, product, { paymentMethod: "PREPAID", paymentStatus: "PAID", status: "CONFIRMED" });
    await deliverDigitalGoodsNow(order.id); // takes A-1, the oldest
    const result = await removePinCodes({ productId: product.id, text: "A-1\nA-2\n\nA-9\nA-2" }, { id: users.OWNER!.id });
    expect(result).toEqual({ removed: 1, kept: 2, remaining: 1 });
    expect((await db.pinCode.findMany({ where: { productId: product.id }, select: { code: true, orderId: true }, orderBy: { code: "asc" } })).map((row) => [row.code, row.orderId])).toEqual([
      ["A-1", order.id],
      ["A-3", null],
    ]);
    await expect(removePinCodes({ productId: product.id, text: "  \n" }, { id: users.OWNER!.id })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("the order page", () => {
  it("shows the codes and the link, and resends the purchase mail with a new link", async () => {
    const product = await digitalProduct();
    await db.pinCode.createMany({ data: ["K-1", "K-2"].map((code) => ({ productId: product.id, code })) });
    const order = await createDigitalOrder(fx, product, { paymentMethod: "PREPAID", paymentStatus: "PAID", status: "CONFIRMED", quantity: 2 });
    await deliverDigitalGoodsNow(order.id);

    const before = await getOrderDigitalDelivery(order.id);
    expect(before).toMatchObject({ delivered: true, fileCount: 0 });
    expect(before!.links).toHaveLength(1);
    expect(before!.codes.map((row) => row.code)).toEqual(["K-1", "K-2"]);

    expect(await resendPurchaseMail(order.id, users.OWNER!)).toBe("SENT");
    const links = await db.linkToken.findMany({ where: { orderId: order.id, purpose: "DOWNLOAD" }, select: { id: true, tokenHash: true }, orderBy: { createdAt: "asc" } });
    expect(links).toHaveLength(2);
    resendKeys.push(resendMailKey(order.id, links[1]!.id));
    const [mail] = await db.$queryRaw<{ payload: Prisma.JsonObject }[]>`SELECT payload FROM "OutboxEvent" WHERE payload->>'idempotencyKey' = ${resendMailKey(order.id, links[1]!.id)}`;
    const props = mail!.payload.props as { downloadUrl: string; pinCodes: { codes: string[] }[] };
    expect(hashLinkToken(props.downloadUrl.split("/").at(-1)!)).toBe(links[1]!.tokenHash);
    expect(props.pinCodes[0]!.codes).toEqual(["K-1", "K-2"]);
    expect(await db.pinCode.count({ where: { orderId: order.id } })).toBe(2); // no new codes
    expect((await getOrderDigitalDelivery(order.id))!.links).toHaveLength(2);

    const unpaid = await createDigitalOrder(fx, product, { paymentMethod: "COD", status: "CONFIRMED" });
    expect(await resendPurchaseMail(unpaid.id, users.OWNER!)).toBe("NOT_PAID");
    const physical = await fx.createProduct();
    expect(await getOrderDigitalDelivery((await createDigitalOrder(fx, physical, { paymentMethod: "COD" })).id)).toBeNull();
  });
});
