// The customer CSV import against a real PostgreSQL and a file store in a temporary directory:
// upload (UTF-8 and Windows-1251, broken files and the 100,000-row limit refused with nothing
// kept), the dry run (nothing written), the job (dedupe + upsert against existing and merged
// cards and within the file, counters, problems listed, file removed), a job resumed after a
// crash without duplicates, and who may do it (domain operations and the route handlers).
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import type * as NextAuthModule from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as progressRoute } from "@/app/api/admin/customers/imports/[id]/route";
import { POST as uploadRoute } from "@/app/api/admin/customers/imports/route";
import { getCustomerImport } from "@/lib/crm/import/get-customer-import";
import { ImportFileError } from "@/lib/crm/import/import-file-error";
import type { ImportMapping } from "@/lib/crm/import/import-fields";
import { previewCustomerImport } from "@/lib/crm/import/preview-customer-import";
import { runCustomerImport } from "@/lib/crm/import/run-customer-import";
import { startCustomerImport } from "@/lib/crm/import/start-customer-import";
import { uploadCustomerImport } from "@/lib/crm/import/upload-customer-import";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";

const session = vi.hoisted(() => ({ current: null as null | { actor: unknown } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));

const run = Math.random().toString(36).slice(2, 8);
const users: Partial<Record<Role, { id: string; role: Role }>> = {};
let dir = "";
// Numbers unique to this run: +7 916 <5 random digits><2 digits>.
const prefix = String(10000 + Math.floor(Math.random() * 89999));
const phone = (n: number) => `+7916${prefix}${String(n).padStart(2, "0")}`;
const email = (name: string) => `${name}-${run}@import.test`;

const upload = (content: string | Buffer, actor = users.OWNER!, format: { encoding?: string; delimiter?: string } = {}) =>
  uploadCustomerImport({ fileName: "clients.csv", body: Readable.from([Buffer.from(content)]), ...format }, actor);

async function cardsWith(contacts: { phones?: string[]; emails?: string[] }) {
  return db.customer.findMany({
    where: {
      mergedIntoId: null,
      OR: [
        { phones: { some: { normalized: { in: contacts.phones ?? [] } } } },
        { emails: { some: { normalized: { in: contacts.emails ?? [] } } } },
        { phoneNormalized: { in: contacts.phones ?? [] } },
        { emailNormalized: { in: contacts.emails ?? [] } },
      ],
    },
    include: { phones: true, emails: true, addresses: true },
  });
}

async function storedFiles() {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).length;
}

function signInAs(role: Role | null) {
  session.current = role ? { actor: { kind: "staff", id: users[role]!.id, role, name: role, email: `${role}@x`, sessionVersion: 0 } } : null;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lavka-crm-import-"));
  process.env.FILE_STORAGE_DIR = dir;
  resetEnvCache();
  for (const role of ["OWNER", "MANAGER", "OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
    users[role] = await db.user.create({ data: { email: `${role.toLowerCase()}-${run}@import.test`, name: role, passwordHash: "x", role }, select: { id: true, role: true } });
  }
});

beforeEach(() => signInAs("OWNER"));

afterAll(async () => {
  const imports = await db.customerImport.findMany({ where: { createdById: { in: Object.values(users).map((user) => user.id) } }, select: { id: true } });
  const importIds = imports.map((row) => row.id);
  await db.$executeRaw`DELETE FROM "OutboxEvent" WHERE "jobName" = 'crm.import-customers' AND payload->>'importId' = ANY(${importIds}::text[])`;
  await db.auditLog.deleteMany({ where: { entityType: "CustomerImport", entityId: { in: importIds } } });
  await db.customerImport.deleteMany({ where: { id: { in: importIds } } });
  const ids = (await db.customer.findMany({ where: runCustomers(), select: { id: true } })).map((row) => row.id);
  await db.customer.updateMany({ where: { id: { in: ids } }, data: { mergedIntoId: null } });
  await db.customer.deleteMany({ where: { id: { in: ids } } });
  await db.user.deleteMany({ where: { id: { in: Object.values(users).map((user) => user.id) } } });
  await rm(dir, { recursive: true, force: true });
  await disconnectDb();
});

/** This file's imports (other files may import at the same time). */
const importsOfThisFile = () => db.customerImport.count({ where: { createdById: { in: Object.values(users).map((user) => user!.id) } } });

/** This run's cards (other files write customers at the same time). */
function runCustomers() {
  const phones = Array.from({ length: 100 }, (_, n) => phone(n));
  return {
    OR: [{ phoneNormalized: { in: phones } }, { phones: { some: { normalized: { in: phones } } } }, { emailNormalized: { endsWith: `-${run}@import.test` } }, { name: { contains: run } }],
  };
}

describe("customer import", () => {
  it("dry-runs, then imports with dedupe and upsert against existing and merged cards and within the file", async () => {
    const existing = await db.customer.create({
      data: { name: `Существующая ${run}`, phone: phone(1), phoneNormalized: phone(1), tags: ["old"], phones: { create: { phone: phone(1), normalized: phone(1), isPrimary: true } } },
      select: { id: true },
    });
    // A card merged into `existing`: its phone must lead to the survivor.
    await db.customer.create({ data: { name: "merged", phone: phone(2), phoneNormalized: phone(2), mergedIntoId: existing.id, mergedAt: new Date() } });
    const csv = [
      "ФИО;Телефон;E-mail;Город;Теги;Доп. телефон",
      `Анна ${run};8 916 ${prefix.slice(0, 3)}-${prefix.slice(3)}-01;${email("anna")};Москва;vip;`, // → existing (fills email, adds tag + address)
      `Борис ${run};${phone(2)};;;;`, // → existing, through the merged card
      `Вера ${run};${phone(3)};${email("vera")};Тула;;${phone(4)}`, // → new card
      `;${phone(4)};;;опт;`, // → Вера's new card (same file)
      `Гоша ${run};;${email("vera").toUpperCase()};;;`, // → Вера's card by email
      `Без контактов ${run};;;;;`, // skip: no contact
      `Плохой ${run};12345;;;;`, // skip: invalid phone
      `Плохая ${run};;not-an-email;;;`, // skip: invalid email
    ].join("\n");
    const { id } = await upload(csv);
    const state = await getCustomerImport(id, users.OWNER!);
    expect(state).toMatchObject({ status: "PENDING", encoding: "utf-8", delimiter: ";", totalRows: 8, mapping: ["name", "phone", "email", "city", "tags", "extraPhone"] });

    const mapping = state.mapping as ImportMapping;
    const settings = { importId: id, mapping, encoding: "utf-8" as const, delimiter: ";" as const, hasHeader: true };
    const customersBefore = await db.customer.count({ where: runCustomers() });
    const preview = await previewCustomerImport(settings, users.MANAGER!);
    expect(preview.totals).toEqual({ rows: 8, create: 1, update: 4, skip: 3, skipReasons: { noContact: 1, invalidPhone: 1, invalidEmail: 1 } });
    expect(preview.rows.map((row) => row.action)).toEqual(["update", "update", "create", "update", "update", "skip", "skip", "skip"]);
    expect(preview.rows[0]?.target).toMatchObject({ id: existing.id });
    expect(preview.rows[3]?.target).toMatchObject({ id: null, fromRow: 3 });
    expect(preview.rows[5]).toMatchObject({ reason: "noContact" });
    expect(await db.customer.count({ where: runCustomers() })).toBe(customersBefore);

    await startCustomerImport(settings, users.MANAGER!);
    expect(await db.outboxEvent.count({ where: { jobName: "crm.import-customers", payload: { path: ["importId"], equals: id } } })).toBe(1);
    await expect(startCustomerImport(settings, users.MANAGER!)).rejects.toMatchObject({ code: "CONFLICT" });
    await runCustomerImport(id);

    const done = await getCustomerImport(id, users.OWNER!);
    expect(done).toMatchObject({ status: "DONE", totalRows: 8, processedRows: 8, createdCount: 1, updatedCount: 4, skippedCount: 3 });
    expect(done.errors.map((problem) => [problem.row, problem.reason])).toEqual([
      [6, "noContact"],
      [7, "invalidPhone"],
      [8, "invalidEmail"],
    ]);
    expect(await db.customer.count({ where: runCustomers() })).toBe(customersBefore + 1);

    const [card] = await cardsWith({ phones: [phone(1)] });
    expect(card).toMatchObject({ id: existing.id, name: `Существующая ${run}`, email: email("anna"), emailNormalized: email("anna") });
    expect(card!.tags.sort()).toEqual(["old", "vip"]);
    expect(card!.phones.map((row) => row.normalized).sort()).toEqual([phone(1), phone(2)].sort());
    expect(card!.addresses).toMatchObject([{ city: "Москва", country: "RU", isDefault: true }]);

    const vera = await cardsWith({ phones: [phone(3), phone(4)], emails: [email("vera")] });
    expect(vera).toHaveLength(1);
    expect(vera[0]).toMatchObject({ name: `Вера ${run}`, phoneNormalized: phone(3), emailNormalized: email("vera"), tags: ["опт"] });
    expect(vera[0]!.phones.map((row) => [row.normalized, row.isPrimary]).sort()).toEqual([
      [phone(3), true],
      [phone(4), false],
    ]);
    // The file is not kept once its rows are in the cards.
    expect(await storedFiles()).toBe(0);
    expect(await db.auditLog.count({ where: { entityType: "CustomerImport", entityId: id } })).toBe(3);
  });

  it("reads a Windows-1251 file", async () => {
    const bytes = iconv.encode(`Имя;Телефон;Город\nЁжиков Пётр ${run};${phone(10)};Санкт-Петербург\n`, "windows-1251");
    const { id } = await upload(bytes);
    const state = await getCustomerImport(id, users.OWNER!);
    expect(state).toMatchObject({ encoding: "windows-1251", delimiter: ";", mapping: ["name", "phone", "city"] });
    await startCustomerImport({ importId: id, mapping: state.mapping!, encoding: "windows-1251", delimiter: ";", hasHeader: true }, users.OWNER!);
    await runCustomerImport(id);
    const [card] = await cardsWith({ phones: [phone(10)] });
    expect(card).toMatchObject({ name: `Ёжиков Пётр ${run}` });
    expect(card!.addresses[0]?.city).toBe("Санкт-Петербург");
  });

  it("refuses broken files, a wrong encoding and more than 100,000 rows, keeping nothing", async () => {
    const importsBefore = await importsOfThisFile();
    const refuse = async (content: string | Buffer, format: { encoding?: string } = {}) => {
      const error = await upload(content, users.OWNER!, format).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ImportFileError);
      return (error as ImportFileError).problem;
    };
    expect(await refuse("")).toBe("empty");
    expect(await refuse(`name,phone\n"Anna,${phone(20)}\nBoris,${phone(21)}\n`)).toBe("brokenCsv");
    expect(await refuse(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]))).toBe("binary");
    expect(await refuse(iconv.encode(`Имя;Телефон\nАнна;${phone(22)}\n`, "windows-1251"), { encoding: "utf-8" })).toBe("notUtf8");
    expect(await refuse("phone\n")).toBe("noRows");
    const tooMany = `phone\n${`${phone(23)}\n`.repeat(100_001)}`;
    expect(await refuse(tooMany)).toBe("tooManyRows");
    const exactly = await upload(`phone\n${`${phone(23)}\n`.repeat(100_000)}`);
    expect((await getCustomerImport(exactly.id, users.OWNER!)).totalRows).toBe(100_000);
    expect(await importsOfThisFile()).toBe(importsBefore + 1);
    expect(await storedFiles()).toBe(1);
  });

  it("resumes a crashed job from processedRows without making a second card", async () => {
    const rows = Array.from({ length: 10 }, (_, n) => `Клиент ${n} ${run},${phone(30 + n)}`);
    // Row 11 repeats row 1's phone: it must update that card, in a later batch.
    const { id } = await upload(["name,phone", ...rows, `Повтор ${run},${phone(30)}`].join("\n"));
    const state = await getCustomerImport(id, users.OWNER!);
    await startCustomerImport({ importId: id, mapping: state.mapping!, encoding: "utf-8", delimiter: ",", hasHeader: true }, users.OWNER!);

    const crash = new Error("worker crashed");
    await expect(
      runCustomerImport(id, {
        batchRows: 4,
        afterBatch: () => {
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(await getCustomerImport(id, users.OWNER!)).toMatchObject({ status: "RUNNING", processedRows: 4, createdCount: 4 });

    // The retry, then a stray second delivery of the same job.
    await runCustomerImport(id, { batchRows: 4 });
    await runCustomerImport(id, { batchRows: 4 });
    expect(await getCustomerImport(id, users.OWNER!)).toMatchObject({ status: "DONE", processedRows: 11, createdCount: 10, updatedCount: 1, skippedCount: 0 });
    const cards = await cardsWith({ phones: Array.from({ length: 10 }, (_, n) => phone(30 + n)) });
    expect(cards).toHaveLength(10);
  });

  it("lets only MANAGER and OWNER upload, preview, start and follow imports (domain and routes)", async () => {
    const { id } = await upload(`phone\n${phone(50)}\n`);
    const settings = { importId: id, mapping: ["phone"] as ImportMapping, encoding: "utf-8" as const, delimiter: "," as const, hasHeader: true };
    const importsBefore = await importsOfThisFile();
    for (const role of ["OPERATOR", "LOGISTICS", "ACCOUNTANT"] as const) {
      for (const attempt of [
        () => upload(`phone\n${phone(51)}\n`, users[role]!),
        () => previewCustomerImport(settings, users[role]!),
        () => startCustomerImport(settings, users[role]!),
        () => getCustomerImport(id, users[role]!),
      ]) {
        const error = await attempt().catch((caught: unknown) => caught);
        expect(error, role).toBeInstanceOf(AppError);
        expect((error as AppError).code, role).toBe("FORBIDDEN");
      }
      signInAs(role);
      const uploaded = await uploadRoute(new Request("http://x/api/admin/customers/imports", { method: "POST", body: `phone\n${phone(52)}\n`, headers: { "x-file-name": "a.csv" } }));
      expect(uploaded.status, role).toBe(403);
      const progress = await progressRoute(new Request(`http://x/api/admin/customers/imports/${id}`), { params: Promise.resolve({ id }) });
      expect(progress.status, role).toBe(403);
    }
    signInAs(null);
    expect((await progressRoute(new Request(`http://x/api/admin/customers/imports/${id}`), { params: Promise.resolve({ id }) })).status).toBe(401);
    expect(await importsOfThisFile()).toBe(importsBefore);
    expect((await getCustomerImport(id, users.OWNER!)).status).toBe("PENDING");

    signInAs("MANAGER");
    const uploaded = await uploadRoute(
      new Request("http://x/api/admin/customers/imports?delimiter=tab", {
        method: "POST",
        body: `Name\tPhone\nX ${run}\t${phone(53)}\n`,
        headers: { "x-file-name": encodeURIComponent("клиенты.csv") },
      }),
    );
    expect(uploaded.status).toBe(201);
    const created = await getCustomerImport(((await uploaded.json()) as { id: string }).id, users.MANAGER!);
    expect(created).toMatchObject({ fileName: "клиенты.csv", delimiter: "\t", mapping: ["name", "phone"] });
    const refused = await uploadRoute(new Request("http://x/api/admin/customers/imports", { method: "POST", body: `name,phone\n"broken,${phone(54)}\n` }));
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { problem: "brokenCsv" } });
    const progress = await progressRoute(new Request(`http://x/api/admin/customers/imports/${id}`), { params: Promise.resolve({ id }) });
    expect(await progress.json()).toMatchObject({ status: "PENDING", totalRows: 1, processedRows: 0 });
  });
});
