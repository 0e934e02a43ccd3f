// A CSV download streamed in keyset batches: the header first, then one batch of rows per pull,
// so a big export holds one batch in memory and a slow download slows the reading down. Shared
// by the order and customer exports; the callers format the lines (csvLine) and own the order.
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
  let last: Row | null = null;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode((options.byteOrderMark === false ? "" : "\uFEFF") + options.header));
          return;
        }
        const rows = await options.readBatch(last);
        if (rows.length) controller.enqueue(encoder.encode(rows.map(options.line).join("")));
        const batchLast = rows.at(-1);
        if (!batchLast || rows.length < options.batchSize) controller.close();
        else last = batchLast;
      } catch (error) {
        logger.error({ err: error }, options.failure);
        controller.error(error);
      }
    },
  });
}
