// What moving a deal to a stage means, as pure rules (move-deal and save-deal apply them inside
// their transaction): the stage must be of the deal's pipeline; entering LOST needs a reason;
// WON and LOST close the deal (closedAt), any OPEN stage reopens it; the loss reason is kept
// only while the deal is lost (the history keeps it as the change's note).
import { z } from "zod";
import type { DealStageKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

export const ZLostReason = z.string().trim().max(500, "crmDeals.errors.lostReasonTooLong");

export interface MovingDeal {
  pipelineId: string;
  stageId: string;
  closedAt: Date | null;
  lostReason: string | null;
}

export interface TargetStage {
  id: string;
  pipelineId: string;
  kind: DealStageKind;
}

export interface StageMovePlan {
  stageChanged: boolean;
  closedAt: Date | null;
  lostReason: string | null;
}

/**
 * The deal's stage fields after the move, or an AppError (VALIDATION) naming the field: a stage
 * of another pipeline (`stageId`), no reason for LOST (`lostReason`).
 */
export function planStageMove(deal: MovingDeal, target: TargetStage, lostReasonInput: string | null | undefined, now: Date): StageMovePlan {
  if (target.pipelineId !== deal.pipelineId) {
    throw new AppError("VALIDATION", "crmDeals.errors.stageOfOtherPipeline", { fieldErrors: { stageId: ["crmDeals.errors.stageOfOtherPipeline"] } });
  }
  const stageChanged = target.id !== deal.stageId;
  const reason = ZLostReason.safeParse(lostReasonInput ?? "");
  if (!reason.success) throw new AppError("VALIDATION", "crmDeals.errors.lostReasonTooLong", { fieldErrors: { lostReason: ["crmDeals.errors.lostReasonTooLong"] } });
  if (target.kind === "LOST") {
    // Re-ordering inside LOST keeps the reason given when the deal was lost.
    const lostReason = reason.data || (stageChanged ? "" : (deal.lostReason ?? ""));
    if (!lostReason) throw new AppError("VALIDATION", "crmDeals.errors.lostReasonRequired", { fieldErrors: { lostReason: ["crmDeals.errors.lostReasonRequired"] } });
    return { stageChanged, closedAt: stageChanged ? now : (deal.closedAt ?? now), lostReason };
  }
  if (target.kind === "WON") return { stageChanged, closedAt: stageChanged ? now : (deal.closedAt ?? now), lostReason: null };
  return { stageChanged, closedAt: null, lostReason: null };
}
