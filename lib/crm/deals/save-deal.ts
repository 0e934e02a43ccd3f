// Creates or updates a deal. The budget is typed in major units ("1 250 000,50") and stored as
// integer minor units (BigInt) of a currency the shop has enabled. The customer is a company or
// a person; the contact person must be one of that customer's; the responsible employee must be
// an active employee who works on deals. A new deal goes to the bottom of its stage's column; a
// stage change on edit follows the kanban's rules (stage-move-rules) and is recorded in the same
// transaction, like every move.
import { z } from "zod";
import { canCrm } from "@/lib/crm/crm-access";
import { db, type DbTransaction } from "@/lib/db";
import { AppError, notFound, zodFieldErrors, type FieldErrors } from "@/lib/errors";
import { currencyMinorDigits } from "@/lib/money/format";
import { parseMoneyInput } from "@/lib/money/parse-money-input";
import { ZCalendarDay, zonedDayStart } from "@/lib/reports/resolve-period";
import { assertDealsActor, type TSectionActor } from "./deal-access";
import { endOfColumn, recordStageChange } from "./move-deal";
import { planStageMove } from "./stage-move-rules";

const ZId = z.string().trim().min(1).max(64);
/** An empty form field means "none". */
const optionalId = z.preprocess((value) => (value === "" ? null : value), ZId.nullish());

export const MAX_DEAL_TAGS = 20;

export const ZDealInput = z.object({
  title: z.string().trim().min(1, "crmDeals.errors.titleRequired").max(200, "crmDeals.errors.titleTooLong"),
  pipelineId: ZId,
  stageId: ZId,
  customerId: optionalId,
  contactPersonId: optionalId,
  responsibleId: optionalId,
  orderId: optionalId,
  /** The linked order by its number, as the form asks for it (instead of orderId). */
  orderNumber: z.preprocess(
    (value) => (value === "" ? null : value),
    z
      .string()
      .trim()
      .regex(/^\d{1,9}$/, "crmDeals.errors.orderNotFound")
      .nullish(),
  ),
  /** Major units as typed; parsed with the currency's minor digits. */
  budget: z.string().trim().max(32).default("0"),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, "crmDeals.errors.currencyInvalid"),
  expectedCloseAt: z.preprocess((value) => (value === "" ? null : value), ZCalendarDay.nullish()),
  probability: z.preprocess(
    (value) => (value === "" || value === null || value === undefined ? null : typeof value === "string" && /^\d{1,3}$/.test(value.trim()) ? Number(value) : value),
    z
      .number({ error: "crmDeals.errors.probabilityInvalid" })
      .int("crmDeals.errors.probabilityInvalid")
      .min(0, "crmDeals.errors.probabilityInvalid")
      .max(100, "crmDeals.errors.probabilityInvalid")
      .nullable(),
  ),
  /** Comma-separated as typed, or a list. */
  tags: z.preprocess(
    (value) => (typeof value === "string" ? value.split(",") : (value ?? [])),
    z
      .array(z.string().trim().max(40, "crmDeals.errors.tagTooLong"))
      .transform((tags) => [...new Set(tags.filter(Boolean))])
      .pipe(z.array(z.string()).max(MAX_DEAL_TAGS, "crmDeals.errors.tooManyTags")),
  ),
  notes: z.string().trim().max(5000, "crmDeals.errors.notesTooLong").nullish(),
  lostReason: z.string().max(2000).nullish(),
});
export type TDealInput = z.input<typeof ZDealInput>;

function invalid(fieldErrors: FieldErrors): AppError {
  return new AppError("VALIDATION", "crmDeals.errors.invalid", { fieldErrors });
}

/** The input checked against the database: ids exist and fit together; the budget parsed. */
async function resolveDeal(tx: DbTransaction, input: unknown) {
  const parsed = ZDealInput.safeParse(input);
  if (!parsed.success) throw invalid(zodFieldErrors(parsed.error));
  const data = parsed.data;
  const fieldErrors: FieldErrors = {};
  // One after another: a transaction's connection runs one query at a time.
  const currency = await tx.currency.findFirst({ where: { code: data.currency, isEnabled: true }, select: { code: true } });
  const stage = await tx.dealStage.findFirst({ where: { id: data.stageId, archivedAt: null }, select: { id: true, pipelineId: true, kind: true } });
  const customer = data.customerId ? await tx.customer.findUnique({ where: { id: data.customerId }, select: { id: true, mergedIntoId: true } }) : null;
  const contact = data.contactPersonId ? await tx.contactPerson.findUnique({ where: { id: data.contactPersonId }, select: { id: true, customerId: true } }) : null;
  const responsible = data.responsibleId ? await tx.user.findUnique({ where: { id: data.responsibleId }, select: { id: true, role: true, isActive: true } }) : null;
  const order = data.orderId
    ? await tx.order.findUnique({ where: { id: data.orderId }, select: { id: true } })
    : data.orderNumber
      ? await tx.order.findUnique({ where: { number: Number(data.orderNumber) }, select: { id: true } })
      : null;
  if (!currency) fieldErrors.currency = ["crmDeals.errors.currencyInvalid"];
  const budget = currency ? parseMoneyInput(data.budget || "0", currencyMinorDigits(currency.code)) : null;
  if (currency && budget === null) fieldErrors.budget = ["crmDeals.errors.budgetInvalid"];
  if (!stage) fieldErrors.stageId = ["crmDeals.errors.stageNotFound"];
  else if (stage.pipelineId !== data.pipelineId) fieldErrors.stageId = ["crmDeals.errors.stageOfOtherPipeline"];
  if (data.customerId && !customer) fieldErrors.customerId = ["crmDeals.errors.customerNotFound"];
  else if (customer?.mergedIntoId) fieldErrors.customerId = ["crmDeals.errors.customerMerged"];
  if (data.contactPersonId && (!contact || contact.customerId !== data.customerId)) fieldErrors.contactPersonId = ["crmDeals.errors.contactNotOfCustomer"];
  if (data.responsibleId && (!responsible || !responsible.isActive || !canCrm(responsible.role, "manageDeals"))) fieldErrors.responsibleId = ["crmDeals.errors.responsibleInvalid"];
  if (data.orderId && !order) fieldErrors.orderId = ["crmDeals.errors.orderNotFound"];
  else if (data.orderNumber && !order) fieldErrors.orderNumber = ["crmDeals.errors.orderNotFound"];
  if (Object.keys(fieldErrors).length || !stage) throw invalid(fieldErrors);
  return {
    stage,
    fields: {
      title: data.title,
      pipelineId: data.pipelineId,
      customerId: data.customerId ?? null,
      contactPersonId: data.contactPersonId ?? null,
      responsibleId: data.responsibleId ?? null,
      orderId: order?.id ?? null,
      budget: BigInt(budget ?? 0),
      currency: data.currency,
      expectedCloseAt: data.expectedCloseAt ? zonedDayStart(data.expectedCloseAt) : null,
      probability: data.probability,
      tags: data.tags,
      notes: data.notes || null,
    },
    lostReason: data.lostReason,
  };
}

export async function createDeal(input: unknown, actor: TSectionActor): Promise<{ id: string }> {
  const checked = assertDealsActor(actor);
  return db.$transaction(async (tx) => {
    const { stage, fields, lostReason } = await resolveDeal(tx, input);
    const now = new Date();
    // A new deal "moves" from nowhere into its stage: the same rules (reason for LOST, closedAt).
    const plan = planStageMove({ pipelineId: fields.pipelineId, stageId: "", closedAt: null, lostReason: null }, stage, lostReason, now);
    const deal = await tx.deal.create({
      data: { ...fields, stageId: stage.id, sortOrder: await endOfColumn(tx, stage.id), stageChangedAt: now, closedAt: plan.closedAt, lostReason: plan.lostReason, createdAt: now },
      select: { id: true },
    });
    await recordStageChange(tx, { dealId: deal.id, fromStageId: null, toStageId: stage.id, userId: checked.id, note: plan.lostReason, at: now });
    return deal;
  });
}

export async function updateDeal(dealId: unknown, input: unknown, actor: TSectionActor): Promise<{ id: string }> {
  const checked = assertDealsActor(actor);
  const id = ZId.safeParse(dealId);
  if (!id.success) throw notFound("Deal");
  return db.$transaction(async (tx) => {
    const [deal] = await tx.$queryRaw<{ id: string; pipelineId: string; stageId: string; closedAt: Date | null; lostReason: string | null }[]>`
      SELECT id, "pipelineId", "stageId", "closedAt", "lostReason" FROM "Deal" WHERE id = ${id.data} FOR UPDATE`;
    if (!deal) throw notFound("Deal");
    const { stage, fields, lostReason } = await resolveDeal(tx, input);
    const now = new Date();
    // The pipeline may change on edit: the stage is checked against the new one (resolveDeal).
    const plan = planStageMove({ ...deal, pipelineId: fields.pipelineId }, stage, lostReason, now);
    await tx.deal.update({
      where: { id: deal.id },
      data: {
        ...fields,
        stageId: stage.id,
        closedAt: plan.closedAt,
        lostReason: plan.lostReason,
        ...(plan.stageChanged ? { stageChangedAt: now, sortOrder: await endOfColumn(tx, stage.id) } : {}),
      },
      select: { id: true },
    });
    if (plan.stageChanged) await recordStageChange(tx, { dealId: deal.id, fromStageId: deal.stageId, toStageId: stage.id, userId: checked.id, note: plan.lostReason, at: now });
    return { id: deal.id };
  });
}
