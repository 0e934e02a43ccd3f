import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { planStageMove, type MovingDeal } from "./stage-move-rules";

const now = new Date("2026-12-05T10:00:00Z");
const earlier = new Date("2026-11-01T10:00:00Z");
const openDeal: MovingDeal = { pipelineId: "p1", stageId: "s-open-1", closedAt: null, lostReason: null };

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return Object.keys((error as AppError).fieldErrors ?? {})[0];
  }
  return undefined;
}

describe("planStageMove", () => {
  it("refuses a stage of another pipeline", () => {
    expect(fieldOf(() => planStageMove(openDeal, { id: "x", pipelineId: "p2", kind: "OPEN" }, null, now))).toBe("stageId");
  });

  it("needs a reason to enter LOST, and keeps it", () => {
    expect(fieldOf(() => planStageMove(openDeal, { id: "lost", pipelineId: "p1", kind: "LOST" }, "  ", now))).toBe("lostReason");
    expect(fieldOf(() => planStageMove(openDeal, { id: "lost", pipelineId: "p1", kind: "LOST" }, undefined, now))).toBe("lostReason");
    expect(planStageMove(openDeal, { id: "lost", pipelineId: "p1", kind: "LOST" }, " Too expensive ", now)).toEqual({ stageChanged: true, closedAt: now, lostReason: "Too expensive" });
  });

  it("refuses an overlong reason", () => {
    expect(fieldOf(() => planStageMove(openDeal, { id: "lost", pipelineId: "p1", kind: "LOST" }, "x".repeat(501), now))).toBe("lostReason");
  });

  it("closes a won deal and reopens it on an OPEN stage", () => {
    const won = planStageMove(openDeal, { id: "won", pipelineId: "p1", kind: "WON" }, null, now);
    expect(won).toEqual({ stageChanged: true, closedAt: now, lostReason: null });
    const reopened = planStageMove({ ...openDeal, stageId: "won", closedAt: earlier }, { id: "s-open-2", pipelineId: "p1", kind: "OPEN" }, null, now);
    expect(reopened).toEqual({ stageChanged: true, closedAt: null, lostReason: null });
  });

  it("clears the loss reason when a lost deal is won or reopened", () => {
    const lost: MovingDeal = { ...openDeal, stageId: "lost", closedAt: earlier, lostReason: "Budget" };
    expect(planStageMove(lost, { id: "won", pipelineId: "p1", kind: "WON" }, null, now).lostReason).toBeNull();
    expect(planStageMove(lost, { id: "s-open-1", pipelineId: "p1", kind: "OPEN" }, null, now).closedAt).toBeNull();
  });

  it("re-ordering inside a closed stage keeps closedAt and the reason", () => {
    const lost: MovingDeal = { ...openDeal, stageId: "lost", closedAt: earlier, lostReason: "Budget" };
    expect(planStageMove(lost, { id: "lost", pipelineId: "p1", kind: "LOST" }, null, now)).toEqual({ stageChanged: false, closedAt: earlier, lostReason: "Budget" });
    const won: MovingDeal = { ...openDeal, stageId: "won", closedAt: earlier };
    expect(planStageMove(won, { id: "won", pipelineId: "p1", kind: "WON" }, null, now)).toEqual({ stageChanged: false, closedAt: earlier, lostReason: null });
  });
});
