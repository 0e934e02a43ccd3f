// The cabinet's payout request (the Server Action behind /partner/payouts) against a real
// PostgreSQL: it acts for the signed-in partner only, whatever the form says; an amount above the
// balance or below the minimum comes back as a translated-key field error with nothing written; a
// partner's history never shows another partner's payouts; no session, no payout.
import { randomUUID } from "node:crypto";
import type * as NextAuthModule from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { requestPayoutAction } from "@/app/partner/payouts/actions";
import { initialActionState as initialPayoutRequestState } from "@/lib/forms/action-state";
import { getPartnerBalance } from "@/lib/affiliates/ledger/get-partner-balance";
import { listPartnerPayouts } from "@/lib/affiliates/payouts/list-payouts";
import { getProgramSettings } from "@/lib/affiliates/program-settings";
import { db, disconnectDb } from "@/lib/db";
import { currencyMinorDigits, minorUnitsToDecimalString } from "@/lib/money/format";

// The action reads the session through next-auth; the tests choose who is signed in.
const session = vi.hoisted(() => ({ current: null as null | { actor: unknown } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof NextAuthModule>()), getServerSession: async () => session.current }));
// Outside a Next.js request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const run = randomUUID().slice(0, 8);
const partnerIds: string[] = [];
let minimum = { amount: 0, currency: "RUB" };
let alice = { id: "", login: "" };
let bob = { id: "", login: "" };

async function createPartner(suffix: string) {
  const login = `cabpay${run}${suffix}`;
  const partner = await db.partner.create({
    data: { login, email: `${login}@partners.test`, name: `Partner ${suffix}`, passwordHash: "x", status: "ACTIVE", payoutMethod: "card", payoutDetails: "4000 0000 0000 0002" },
    select: { id: true, login: true, name: true, email: true, sessionVersion: true },
  });
  partnerIds.push(partner.id);
  return partner;
}

function signInAs(partner: Awaited<ReturnType<typeof createPartner>> | null) {
  session.current = partner ? { actor: { kind: "partner", ...partner } } : null;
}

/** Major units as a partner types them ("3000.00"). */
const typed = (minor: number) => minorUnitsToDecimalString(minor, currencyMinorDigits(minimum.currency));

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const writesOf = async (partnerId: string) => ({
  payouts: await db.payout.count({ where: { partnerId } }),
  entries: await db.partnerLedgerEntry.count({ where: { partnerId } }),
});

beforeAll(async () => {
  minimum = (await getProgramSettings()).minimumPayout;
  const a = await createPartner("a");
  const b = await createPartner("b");
  alice = a;
  bob = b;
  // Available money straight in the ledger: three minimums for alice, two for bob.
  await db.partnerLedgerEntry.createMany({
    data: [
      { partnerId: a.id, amount: minimum.amount * 3, currency: minimum.currency, kind: "COMMISSION", note: "test credit" },
      { partnerId: b.id, amount: minimum.amount * 2, currency: minimum.currency, kind: "COMMISSION", note: "test credit" },
    ],
  });
});

beforeEach(() => {
  session.current = null;
});

afterAll(async () => {
  await db.partnerLedgerEntry.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await db.commission.updateMany({ where: { partnerId: { in: partnerIds } }, data: { payoutId: null } });
  await db.payout.deleteMany({ where: { partnerId: { in: partnerIds } } });
  await db.partner.deleteMany({ where: { id: { in: partnerIds } } });
  await disconnectDb();
});

const partnerRow = (id: string) => db.partner.findUniqueOrThrow({ where: { id }, select: { id: true, login: true, name: true, email: true, sessionVersion: true } });

describe("requestPayoutAction", () => {
  it("refuses an amount above the balance or below the minimum with the field's error key, writing nothing", async () => {
    signInAs(await partnerRow(alice.id));
    const balance = await getPartnerBalance(alice.id, minimum.currency);
    expect(balance).toBe(minimum.amount * 3);
    const before = await writesOf(alice.id);

    const above = await requestPayoutAction(initialPayoutRequestState, form({ amount: typed(balance + 1), currency: minimum.currency })); // 0.01 too much
    expect(above).toMatchObject({ status: "error", fieldErrors: { amount: "affiliatePayouts.errors.aboveBalance" }, values: { amount: typed(balance + 1) } });
    const below = await requestPayoutAction(initialPayoutRequestState, form({ amount: typed(minimum.amount - 1), currency: minimum.currency }));
    expect(below).toMatchObject({ status: "error", fieldErrors: { amount: "affiliatePayouts.errors.belowMinimum" } });
    const garbage = await requestPayoutAction(initialPayoutRequestState, form({ amount: "lots", currency: "rubles" }));
    expect(garbage).toMatchObject({
      status: "error",
      message: "cabinetPayouts.errors.VALIDATION",
      fieldErrors: { amount: "affiliatePayouts.errors.amountInvalid", currency: "affiliatePayouts.errors.currencyInvalid" },
    });
    const empty = await requestPayoutAction(initialPayoutRequestState, new FormData());
    expect(empty.status).toBe("error");

    expect(await writesOf(alice.id)).toEqual(before);
    expect(await getPartnerBalance(alice.id, minimum.currency)).toBe(balance);
  });

  it("requests for the session's partner, ignoring a partner id in the form", async () => {
    signInAs(await partnerRow(alice.id));
    const bobBefore = await writesOf(bob.id);
    const result = await requestPayoutAction(initialPayoutRequestState, form({ amount: typed(minimum.amount * 2), currency: minimum.currency, partnerId: bob.id }));
    expect(result).toEqual({ status: "success", amount: minimum.amount * 2, currency: minimum.currency });

    const [payout] = await listPartnerPayouts(alice.id);
    expect(payout).toMatchObject({ amount: minimum.amount * 2, currency: minimum.currency, status: "REQUESTED", method: "card", details: "4000 0000 0000 0002" });
    expect(await getPartnerBalance(alice.id, minimum.currency)).toBe(minimum.amount);
    expect(await writesOf(bob.id)).toEqual(bobBefore);
  });

  it("writes nothing without a partner session", async () => {
    const before = await writesOf(alice.id);
    signInAs(null);
    expect(await requestPayoutAction(initialPayoutRequestState, form({ amount: typed(minimum.amount), currency: minimum.currency }))).toMatchObject({
      status: "error",
      message: "cabinetPayouts.errors.UNAUTHENTICATED",
    });
    // A staff session is not a partner's.
    session.current = { actor: { kind: "staff", id: `nobody-${run}`, role: "OWNER", name: "x", email: "x@x.test", sessionVersion: 0 } };
    expect((await requestPayoutAction(initialPayoutRequestState, form({ amount: typed(minimum.amount), currency: minimum.currency }))).status).toBe("error");
    expect(await writesOf(alice.id)).toEqual(before);
  });
});

describe("a partner's payout history", () => {
  it("shows only the partner's own payouts", async () => {
    signInAs(await partnerRow(bob.id));
    expect((await requestPayoutAction(initialPayoutRequestState, form({ amount: typed(minimum.amount), currency: minimum.currency }))).status).toBe("success");
    const aliceRows = await listPartnerPayouts(alice.id);
    const bobRows = await listPartnerPayouts(bob.id);
    expect(aliceRows.length).toBeGreaterThan(0);
    expect(bobRows).toHaveLength(1);
    expect(aliceRows.every((row) => row.partner.id === alice.id)).toBe(true);
    expect(bobRows.every((row) => row.partner.id === bob.id)).toBe(true);
    expect(aliceRows.map((row) => row.id)).not.toContain(bobRows[0]?.id);
  });
});
