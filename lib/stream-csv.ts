// A CSV download streamed in keyset batches: the header first, then one batch of rows per pull,
// so a big export holds at most two batches in memory and a slow download slows the reading
// down. The next batch is read while the current one is formatted and sent (one batch ahead:
// the database and the formatting overlap instead of taking turns). Shared by the order,
// customer and audit exports; the callers format the lines (csvLine) and own the order.
import { logger } from "@/lib/logger";

export function streamCsvBatches<Row>(options: {
  /** The header line, already CSV. */
  header: string;
  /** Start with a UTF-8 byte order mark, so that Excel reads Cyrillic right. Default true. */
  byteOrderMark?: boolean;
  batchSize: number;
  /** The next batch after the last row of the previous one (null: the first batch). */
  readBatch: (last: Row | null) => Promise<Row[]>;
  line: (row: Row) => string;
  /** What the log says when reading fails mid-download. */
  failure: string;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  let ahead: Promise<Row[]> | null = null;
  const readAhead = (last: Row | null) => {
    ahead = options.readBatch(last);
    // Its failure is reported by the pull that awaits it (or dropped with a cancelled download).
    ahead.catch(() => undefined);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!headerSent) {
          headerSent = true;
          readAhead(null);
          controller.enqueue(encoder.encode((options.byteOrderMark === false ? "" : "\uFEFF") + options.header));
          return;
        }
        const rows = await ahead!;
        const batchLast = rows.at(-1);
        const more = batchLast !== undefined && rows.length >= options.batchSize;
        if (more) readAhead(batchLast);
        else ahead = null;
        if (rows.length) {
          let text = "";
          for (const row of rows) text += options.line(row);
          controller.enqueue(encoder.encode(text));
        }
        if (!more) controller.close();
      } catch (error) {
        logger.error({ err: error }, options.failure);
        controller.error(error);
      }
    },
    cancel() {
      ahead = null;
    },
  });
}
