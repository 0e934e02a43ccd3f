// The input of "log an interaction" (messages are i18n keys of the "crmInteractions" namespace):
// what kind of contact, with whom, when (not in the future: a minute of clock skew is allowed),
// what was said and what came of it, and an optional next step that becomes a task when it has a
// due time.
import { z } from "zod";
import { InteractionKind } from "@/lib/db/generated/enums";
import { optionalId, optionalText, parseInstant, TASK_TITLE_MAX } from "@/lib/crm/tasks/task-rules";

export const INTERACTION_TEXT_MAX = 5_000;
export const INTERACTION_SUBJECT_MAX = 300;
/** How far in the future an occurredAt may lie (clock skew between the browser and the server). */
export const FUTURE_TOLERANCE_MS = 60_000;

const optionalInstant = z
  .unknown()
  .transform((value, context) => {
    const instant = parseInstant(value);
    if (instant === null) {
      context.addIssue({ code: "custom", message: "crmInteractions.errors.timeInvalid" });
      return z.NEVER;
    }
    return instant;
  })
  .optional();

const text = (max: number) => optionalText(max, "crmInteractions.errors.textTooLong");

export function interactionInputSchema(now: Date) {
  return z
    .object({
      kind: z.enum(InteractionKind, { error: "crmInteractions.errors.kindInvalid" }),
      customerId: optionalId,
      orderId: optionalId,
      dealId: optionalId,
      contactPersonId: optionalId,
      occurredAt: optionalInstant,
      subject: text(INTERACTION_SUBJECT_MAX),
      content: text(INTERACTION_TEXT_MAX),
      result: text(INTERACTION_TEXT_MAX),
      nextStep: optionalText(TASK_TITLE_MAX, "crmInteractions.errors.nextStepTooLong"),
      nextStepDueAt: optionalInstant,
      /** Who takes the next step's task (default: the actor); ignored without a due time (no task). */
      nextStepAssigneeId: optionalId,
    })
    .superRefine((value, context) => {
      if (!value.customerId && !value.orderId && !value.dealId) context.addIssue({ code: "custom", path: ["customerId"], message: "crmInteractions.errors.targetRequired" });
      if (value.occurredAt && value.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
        context.addIssue({ code: "custom", path: ["occurredAt"], message: "crmInteractions.errors.timeInFuture" });
      }
      if (!value.subject && !value.content && !value.result) context.addIssue({ code: "custom", path: ["content"], message: "crmInteractions.errors.emptyInteraction" });
      if (value.nextStepDueAt && !value.nextStep) context.addIssue({ code: "custom", path: ["nextStep"], message: "crmInteractions.errors.nextStepRequired" });
      if (value.nextStepDueAt && (value.nextStepDueAt.getFullYear() < 2000 || value.nextStepDueAt.getFullYear() >= 2100)) {
        context.addIssue({ code: "custom", path: ["nextStepDueAt"], message: "crmInteractions.errors.timeInvalid" });
      }
    });
}
export type TLogInteractionInput = z.input<ReturnType<typeof interactionInputSchema>>;
