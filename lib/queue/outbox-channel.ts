// The PostgreSQL NOTIFY channel that wakes the outbox relay. A leaf module: the domain code that
// writes outbox rows in SQL imports it without importing the job registry (lib/queue/jobs.ts),
// which imports the domain's jobs — that cycle left job definitions uninitialised in the worker.
export const OUTBOX_CHANNEL = "lavka_outbox";
