// Job "crm.import-customers": works through an import's rows (lib/crm/import/run-customer-import).
// Safe to run again: each batch commits with the import's counters, so a retry resumes where the
// last committed batch ended.
import { z } from "zod";
import { defineJob } from "@/lib/queue/define-job";
import { failCustomerImport, runCustomerImport } from "./run-customer-import";

const ATTEMPTS = 6;

export const importCustomersJob = defineJob({
  name: "crm.import-customers",
  payload: z.object({ importId: z.string().min(1).max(64) }),
  attempts: ATTEMPTS,
  backoffMs: 10_000,
  async handle(payload, context) {
    try {
      await runCustomerImport(payload.importId);
    } catch (error) {
      if (context.attempt >= ATTEMPTS) await failCustomerImport(payload.importId, "jobFailed");
      throw error;
    }
    context.log("customer import finished", { importId: payload.importId });
  },
});
