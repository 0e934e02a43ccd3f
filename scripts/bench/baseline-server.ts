// The benchmark's baseline: the same order writes as Lavka's checkout (product and price read,
// customer look-up and insert, order, item, first history row, confirmation token, stock
// reservation, two outbox rows, in one transaction) behind a bare node:http + pg server, with
// no framework, validation or rendering. Lavka's figures are read against it.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const port = Number(process.env.PORT);

async function placeOrder(body: { product: string; quantity: number; fields: Record<string, string> }) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const product = await client.query<{ id: string; name: string; currency: string; price: number; baseCost: number }>(
      `SELECT p.id, p.name, p.currency, pp.price, p."baseCost" FROM "Product" p JOIN "ProductPrice" pp ON pp."productId" = p.id AND pp.region = 'RU' WHERE p.slug = $1 AND p."isActive"`,
      [body.product],
    );
    const row = product.rows[0];
    if (!row) throw new Error("unknown product");
    const phone = body.fields.phone ?? "";
    const existing = await client.query<{ id: string }>(`SELECT id FROM "Customer" WHERE "phoneNormalized" = $1 LIMIT 1`, [phone]);
    let customerId = existing.rows[0]?.id;
    if (!customerId) {
      customerId = randomUUID();
      await client.query(`INSERT INTO "Customer" (id, name, phone, "phoneNormalized", email, "emailNormalized", country, "updatedAt") VALUES ($1, $2, $3, $3, $4, $4, 'RU', now())`, [
        customerId,
        body.fields.fullName,
        phone,
        body.fields.email,
      ]);
    }
    const orderId = randomUUID();
    const total = row.price * body.quantity;
    const order = await client.query<{ number: number }>(
      `INSERT INTO "Order" (id, "publicId", "paymentMethod", "customerId", "productId", "customerName", phone, "phoneNormalized", email, "emailNormalized", region, country, city, street, house, currency, "itemsTotal", total, "idempotencyKey", "updatedAt")
       VALUES ($1, $2, 'COD', $3, $4, $5, $6, $6, $7, $7, 'RU', 'RU', $8, $9, $10, $11, $12, $12, $13, now()) RETURNING number`,
      [orderId, randomUUID(), customerId, row.id, body.fields.fullName, phone, body.fields.email, body.fields.city, body.fields.street, body.fields.house, row.currency, total, randomUUID()],
    );
    await client.query(`INSERT INTO "OrderItem" (id, "orderId", "productId", "productName", quantity, "unitPrice", "unitCost", total) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      randomUUID(),
      orderId,
      row.id,
      row.name,
      body.quantity,
      row.price,
      row.baseCost,
      total,
    ]);
    await client.query(`INSERT INTO "OrderStatusChange" ("orderId", "toStatus", "actorType", reason) VALUES ($1, 'UNCONFIRMED', 'CUSTOMER', 'placed')`, [orderId]);
    const tokenHash = createHash("sha256").update(randomBytes(32)).digest("hex");
    await client.query(`INSERT INTO "LinkToken" (id, purpose, "tokenHash", "orderId", "expiresAt") VALUES ($1, 'CONFIRM_ORDER', $2, $3, now() + interval '7 days')`, [
      randomUUID(),
      tokenHash,
      orderId,
    ]);
    await client.query(`UPDATE "Product" SET reserved = reserved + $1 WHERE id = $2`, [body.quantity, row.id]);
    await client.query(`INSERT INTO "OutboxEvent" ("jobName", payload) VALUES ('bench.noop', $1), ('bench.noop', $1)`, [JSON.stringify({ orderId })]);
    await client.query("COMMIT");
    return { orderId, number: order.rows[0]?.number };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

// The click baseline: the same single INSERT … SELECT a Lavka click makes (partner by login,
// product by slug, uniqueness over 24 h by fingerprint), then a 302, with no framework.
async function recordClick(login: string, target: string, userAgent: string, ip: string) {
  const fingerprint = createHash("sha256")
    .update(`${ip}|${userAgent}|${login}|${new Date().toISOString().slice(0, 10)}`)
    .digest("hex");
  await pool.query(
    `INSERT INTO "Click" ("partnerId", "productId", "userAgent", "fingerprintHash", "isUnique", "isBot")
     SELECT p.id, (SELECT id FROM "Product" WHERE slug = $2), $3, $4,
            NOT EXISTS (SELECT 1 FROM "Click" c WHERE c."partnerId" = p.id AND c."fingerprintHash" = $4 AND c."createdAt" > now() - interval '24 hours'), false
     FROM "Partner" p WHERE p.login = $1 AND p.status = 'ACTIVE'`,
    [login, target, userAgent, fingerprint],
  );
}

const server = http.createServer((request, response) => {
  if (request.method === "GET" && request.url?.startsWith("/r/")) {
    const url = new URL(request.url, "http://baseline");
    const login = url.pathname.slice(3);
    const target = url.searchParams.get("to") ?? "";
    recordClick(login, target, request.headers["user-agent"] ?? "", request.socket.remoteAddress ?? "")
      .then(() => response.writeHead(302, { location: `/checkout/${target}`, "set-cookie": "lavka_ref=baseline; HttpOnly; SameSite=Lax; Path=/" }).end())
      .catch((error: Error) => response.writeHead(500).end(error.message));
    return;
  }
  if (request.method !== "POST" || request.url !== "/orders") {
    response.writeHead(404).end();
    return;
  }
  let raw = "";
  request.on("data", (chunk: Buffer) => (raw += chunk.toString()));
  request.on("end", () => {
    placeOrder(JSON.parse(raw))
      .then((result) => {
        response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify(result));
      })
      .catch((error: Error) => {
        response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: error.message }));
      });
  });
});

server.listen(port, "127.0.0.1", () => process.send?.("ready"));
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
