// When a reminder of a rule is due for an order, pure (send-order-reminders.ts runs the same rule in
// SQL; this is the rule in words and the unit tests' subject). The order entered the rule's state
// at `enteredAt` (its statusChangedAt: UNCONFIRMED since placed, DELIVERED since it arrived):
// - the first reminder (repeat 0) is due `delay` later;
// - each repeat is due `interval` after the one before it was sent (not after the first was due,
//   so a worker that was down does not fire the repeats back to back);
// - at most 1 + repeatCount reminders;
// - a first reminder more than STALE_AFTER overdue is not sent at all: a rule switched on today
//   does not write to customers whose orders went quiet weeks ago.
export const MINUTE_MS = 60_000;
export const STALE_AFTER_MS = 3 * 24 * 60 * MINUTE_MS;

export interface ReminderTiming {
  delayMinutes: number;
  repeatCount: number;
  repeatIntervalMinutes: number;
}

/** The instants that decide what is due at `now`; the reminder job's query filters by exactly these. */
export function reminderCutoffs(rule: ReminderTiming, now: Date) {
  const firstDue = now.getTime() - rule.delayMinutes * MINUTE_MS;
  return {
    /** A first reminder needs enteredAt ≤ this … */
    enteredBy: new Date(firstDue),
    /** … and enteredAt ≥ this (not stale). */
    enteredSince: new Date(firstDue - STALE_AFTER_MS),
    /** A repeat needs the last reminder sent ≤ this. */
    lastSentBy: new Date(now.getTime() - rule.repeatIntervalMinutes * MINUTE_MS),
    /** Reminders in all. */
    total: 1 + rule.repeatCount,
  };
}

/** The repeat number due now (0 = first), or null when nothing is due. */
export function dueRepeat(rule: ReminderTiming, state: { enteredAt: Date; sent: number; lastSentAt: Date | null }, now: Date): number | null {
  const cutoffs = reminderCutoffs(rule, now);
  if (state.sent >= cutoffs.total) return null;
  if (state.sent === 0) return state.enteredAt <= cutoffs.enteredBy && state.enteredAt >= cutoffs.enteredSince ? 0 : null;
  return state.lastSentAt && state.lastSentAt <= cutoffs.lastSentBy ? state.sent : null;
}

/** The mail's idempotency key: one mail per rule, order and repeat, even if the outbox row is replayed. */
export const reminderMailKey = (ruleId: string, orderId: string, repeat: number) => `order-reminder:${ruleId}:${orderId}:${repeat}`;
