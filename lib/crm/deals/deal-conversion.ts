// Conversion per stage for the deal history report. A pipeline is a funnel: the OPEN stages in
// order, then WON. A deal "reached" a stage when it was ever in it or in any later stage (a deal
// that skipped a stage still passed it); LOST is not a step of the funnel. The conversion of a
// stage is the share of the deals that reached it which also reached the next one.
import { ratioBasisPoints } from "@/lib/reports/compute-rates";

export interface StageConversion {
  stageId: string;
  reached: number;
  /** Deals that went on to the next step (null for the last step: WON). */
  advanced: number | null;
  /** advanced / reached in basis points (10000 = 100 %); null when nobody reached the stage or for WON. */
  rateBp: number | null;
}

/**
 * `funnel` is the OPEN stage ids in order followed by the WON stage id; `paths` the stage ids each
 * deal has been in (its creation stage and every change's target), any order, other ids ignored.
 */
export function conversionByStage(funnel: readonly string[], paths: readonly (readonly string[])[]): StageConversion[] {
  const index = new Map(funnel.map((stageId, position) => [stageId, position]));
  const reached = new Array<number>(funnel.length).fill(0);
  for (const path of paths) {
    let furthest = -1;
    for (const stageId of path) furthest = Math.max(furthest, index.get(stageId) ?? -1);
    for (let position = 0; position <= furthest; position++) reached[position]! += 1;
  }
  return funnel.map((stageId, position) => {
    const last = position === funnel.length - 1;
    const advanced = last ? null : reached[position + 1]!;
    const count = reached[position]!;
    return { stageId, reached: count, advanced, rateBp: advanced === null ? null : ratioBasisPoints(advanced, count) };
  });
}

/** The mean of whole seconds, rounded; null for none. */
export function averageSeconds(durations: readonly number[]): number | null {
  if (!durations.length) return null;
  return Math.round(durations.reduce((sum, value) => sum + value, 0) / durations.length);
}
