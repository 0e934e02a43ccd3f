// What a crash test checks after its load, against PostgreSQL and what the receivers got:
// - every submission answered 2xx has its order (same key, same number); none has two;
// - each order's mails arrived at the SMTP server once (by Message-ID, which the app derives from
//   the mail's idempotency key: lib/mail/send-mail.ts messageIdFor);
// - each attributed order's partner got its postback(s) and has one commission per level.
import pg from "pg";
import { mailKeys } from "../../lib/checkout/order-mails";
import { messageIdFor } from "../../lib/mail/send-mail";
import type { Submission } from "./load";
import type { ReceivedMail, ReceivedPostback } from "./receivers";

export interface OrderRow {
  id: string;
  number: number;
  idempotencyKey: string;
  status: string;
  partnerId: string | null;
  email: string | null;
}

export interface Tally {
  expected: number;
  received: number;
  missing: number;
  /** A second, different delivery of one thing (another Message-ID, another logged postback). */
  duplicate: number;
  /** The same delivery again after a crash: same Message-ID, or the same postback not yet logged as sent. */
  resent: number;
}

export interface ScenarioCounts {
  submitted: number;
  acknowledged: number;
  present: number;
  lost: number;
  duplicateOrders: number;
  /** Submissions that never got a 2xx, not even on retry. */
  unanswered: number;
  attributed: number;
  attributionLost: number;
  mails: Tally;
  postbacks: Tally;
  commissions: Tally;
  /** Examples of what went wrong, for the report. */
  problems: string[];
}

const emptyTally = (): Tally => ({ expected: 0, received: 0, missing: 0, duplicate: 0, resent: 0 });

/** Mails an order must cause, by its status (lib/checkout/place-order.ts): the customer's and the shop's. */
export function expectedMailKeys(order: OrderRow): string[] {
  const keys = [mailKeys.shopNotice(order.id)];
  if (order.status === "UNCONFIRMED" && order.email) keys.push(mailKeys.confirm(order.id));
  if (order.status === "CONFIRMED" && order.email) keys.push(mailKeys.accepted(order.id));
  return keys;
}

export class Verifier {
  constructor(
    /** A connection per check: the server may have been restarted since the last one. */
    private readonly databaseUrl: string,
    private readonly mailFrom: string,
    /** Commission levels of an order attributed to the load's partner (the partner and its parents). */
    private readonly commissionLevels: number,
  ) {}

  private async withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    // A server going away while this connection is open fails the query, not the process.
    client.on("error", () => {});
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }

  private async ordersOf(client: pg.Client, submissions: Submission[]): Promise<{ byKey: Map<string, OrderRow>; byEmail: Map<string, OrderRow[]> }> {
    const keys = submissions.map((submission) => submission.key);
    const emails = submissions.map((submission) => submission.email);
    const { rows } = await client.query<OrderRow>(
      `SELECT id, number, "idempotencyKey", status::text AS status, "partnerId", email FROM "Order" WHERE "idempotencyKey" = ANY($1::text[]) OR lower(email) = ANY($2::text[])`,
      [keys, emails],
    );
    const byKey = new Map<string, OrderRow>();
    const byEmail = new Map<string, OrderRow[]>();
    for (const row of rows) {
      if (row.idempotencyKey) byKey.set(row.idempotencyKey, row);
      const email = (row.email ?? "").toLowerCase();
      byEmail.set(email, [...(byEmail.get(email) ?? []), row]);
    }
    return { byKey, byEmail };
  }

  /** Outbox rows not yet on the queue. */
  async outboxDue(): Promise<number> {
    return this.withClient(async (client) => {
      const { rows } = await client.query<{ due: number }>(`SELECT count(*)::int AS due FROM "OutboxEvent" WHERE "relayedAt" IS NULL`);
      return rows[0]!.due;
    });
  }

  count(submissions: Submission[], mails: ReceivedMail[], postbacks: ReceivedPostback[]): Promise<ScenarioCounts> {
    return this.withClient((client) => this.countWith(client, submissions, mails, postbacks));
  }

  private async countWith(client: pg.Client, submissions: Submission[], mails: ReceivedMail[], postbacks: ReceivedPostback[]): Promise<ScenarioCounts> {
    const problems: string[] = [];
    const note = (text: string) => {
      if (problems.length < 12) problems.push(text);
    };
    const { byKey, byEmail } = await this.ordersOf(client, submissions);
    const counts: ScenarioCounts = {
      submitted: submissions.length,
      acknowledged: 0,
      present: 0,
      lost: 0,
      duplicateOrders: 0,
      unanswered: 0,
      attributed: 0,
      attributionLost: 0,
      mails: emptyTally(),
      postbacks: emptyTally(),
      commissions: emptyTally(),
      problems,
    };

    const orders: { order: OrderRow; attributed: boolean }[] = [];
    for (const submission of submissions) {
      const order = byKey.get(submission.key);
      const sameEmail = byEmail.get(submission.email) ?? [];
      if (sameEmail.length > 1) {
        counts.duplicateOrders += sameEmail.length - 1;
        note(`${submission.key}: ${sameEmail.length} orders for one submission (${sameEmail.map((row) => row.number).join(", ")})`);
      }
      const wrongRetry = submission.laterNumbers.filter((number) => number !== submission.order?.number);
      if (wrongRetry.length > 0) {
        counts.duplicateOrders += wrongRetry.length;
        note(`${submission.key}: a retry answered order ${wrongRetry.join(", ")}, the first answer was ${submission.order?.number}`);
      }
      if (submission.order) {
        counts.acknowledged++;
        if (order && order.number === submission.order.number && order.id === submission.order.id) counts.present++;
        else {
          counts.lost++;
          note(`${submission.key}: acknowledged as order ${submission.order.number}, ${order ? `but the key's order is ${order.number}` : "not in the database"}`);
        }
      } else {
        counts.unanswered++;
        const last = submission.attempts[submission.attempts.length - 1];
        note(`${submission.key}: no 2xx in ${submission.attempts.length} attempts (last: ${last?.status ?? last?.error ?? "none"})`);
      }
      if (!order) continue;
      const attributed = Boolean(submission.cookie);
      if (attributed) {
        counts.attributed++;
        if (!order.partnerId) {
          counts.attributionLost++;
          note(`${submission.key}: sent with a referral cookie, order ${order.number} has no partner`);
        }
      }
      orders.push({ order, attributed: attributed && Boolean(order.partnerId) });
    }

    // Mails, by Message-ID (one per mail idempotency key, the same on a resend).
    const seen = new Map<string, number>();
    for (const mail of mails) seen.set(mail.messageId, (seen.get(mail.messageId) ?? 0) + 1);
    const expectedIds = new Set<string>();
    for (const { order } of orders) {
      for (const key of expectedMailKeys(order)) {
        const id = messageIdFor(key, this.mailFrom);
        expectedIds.add(id);
        counts.mails.expected++;
        const times = seen.get(id) ?? 0;
        if (times === 0) {
          counts.mails.missing++;
          note(`order ${order.number}: mail ${key.split(":")[0]} not received`);
        } else {
          counts.mails.received++;
          counts.mails.resent += times - 1;
        }
      }
    }
    // Anything else that reached this scenario's customers is a mail too many.
    const customers = new Set(submissions.map((submission) => submission.email));
    for (const mail of mails) {
      if (!expectedIds.has(mail.messageId) && mail.to.some((address) => customers.has(address))) {
        counts.mails.duplicate++;
        note(`unexpected mail ${mail.messageId} "${mail.subject}" to ${mail.to.join(", ")}`);
      }
    }

    // Postbacks: one per order event of an attributed order (here: the order placed).
    const attributedOrders = orders.filter((entry) => entry.attributed).map((entry) => entry.order);
    const delivered = new Map<string, number>();
    for (const postback of postbacks) delivered.set(`${postback.order}|${postback.status}`, (delivered.get(`${postback.order}|${postback.status}`) ?? 0) + 1);
    const ids = attributedOrders.map((order) => order.id);
    const { rows: logged } = await client.query<{ orderId: string; orderStatus: string; ok: number }>(
      `SELECT "orderId", "orderStatus"::text AS "orderStatus", count(*)::int AS ok FROM "PostbackLog"
       WHERE "orderId" = ANY($1::text[]) AND NOT "isReplay" AND "statusCode" BETWEEN 200 AND 299 GROUP BY 1, 2`,
      [ids],
    );
    const loggedOk = new Map(logged.map((row) => [`${row.orderId}|${row.orderStatus}`, row.ok]));
    for (const order of attributedOrders) {
      const key = `${order.id}|UNCONFIRMED`;
      counts.postbacks.expected++;
      const times = delivered.get(key) ?? 0;
      if (times === 0) {
        counts.postbacks.missing++;
        note(`order ${order.number}: postback not received`);
        continue;
      }
      counts.postbacks.received++;
      // Two logged 2xx are two jobs for one event; one logged 2xx and more arrivals is a request
      // repeated because the process died (or its database went away) before it logged the first.
      const duplicates = Math.max(0, (loggedOk.get(key) ?? 0) - 1);
      counts.postbacks.duplicate += duplicates;
      counts.postbacks.resent += Math.max(0, times - 1 - duplicates);
      if (duplicates > 0) note(`order ${order.number}: postback logged as delivered ${duplicates + 1} times`);
    }
    const attributedIds = new Set(ids);
    for (const [key, times] of delivered) {
      const [orderId] = key.split("|");
      if (!attributedIds.has(orderId!) && orders.some((entry) => entry.order.id === orderId)) {
        counts.postbacks.duplicate += times;
        note(`postback for unattributed order ${orderId}`);
      }
    }

    // Commissions: one per level for each attributed order, none for the others.
    const allIds = orders.map((entry) => entry.order.id);
    const { rows: commissions } = await client.query<{ orderId: string; level: number; n: number }>(
      `SELECT "orderId", level, count(*)::int AS n FROM "Commission" WHERE "orderId" = ANY($1::text[]) GROUP BY 1, 2`,
      [allIds],
    );
    const perOrder = new Map<string, Map<number, number>>();
    for (const row of commissions) {
      const levels = perOrder.get(row.orderId) ?? new Map<number, number>();
      levels.set(row.level, row.n);
      perOrder.set(row.orderId, levels);
    }
    for (const { order, attributed } of orders) {
      const levels = perOrder.get(order.id) ?? new Map<number, number>();
      if (!attributed) {
        const extra = [...levels.values()].reduce((sum, n) => sum + n, 0);
        if (extra > 0) {
          counts.commissions.duplicate += extra;
          note(`order ${order.number} has no partner but ${extra} commissions`);
        }
        continue;
      }
      for (let level = 0; level < this.commissionLevels; level++) {
        counts.commissions.expected++;
        const n = levels.get(level) ?? 0;
        if (n === 0) {
          counts.commissions.missing++;
          note(`order ${order.number}: no level-${level} commission`);
        } else {
          counts.commissions.received++;
          counts.commissions.duplicate += n - 1;
        }
      }
      for (const [level, n] of levels) {
        if (level >= this.commissionLevels) {
          counts.commissions.duplicate += n;
          note(`order ${order.number}: unexpected level-${level} commission`);
        }
      }
    }
    return counts;
  }
}

/** True when the counts show nothing lost and nothing doubled. */
export function isClean(counts: ScenarioCounts): boolean {
  return (
    counts.lost === 0 &&
    counts.duplicateOrders === 0 &&
    counts.unanswered === 0 &&
    counts.attributionLost === 0 &&
    [counts.mails, counts.postbacks, counts.commissions].every((tally) => tally.missing === 0 && tally.duplicate === 0)
  );
}
