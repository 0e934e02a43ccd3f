// The CRM segmentation settings (issue 8 §4), one Setting row `crm.segments`: the ABC cut-offs
// (cumulative share of bought-out revenue, in whole percent) and the RFM segment map, an ordered
// list of rules where the first rule whose R, F and M ranges all hold names the segment. Seeded
// with the CRAN `rfm` package's standard map (see the reference notes). Messages are i18n keys
// (crmSegments.errors.*): the settings form translates them.
import { z } from "zod";

export const SEGMENT_SETTINGS_KEY = "crm.segments";

export const RFM_SCORES = [1, 2, 3, 4, 5] as const;
export type RfmScore = (typeof RFM_SCORES)[number];

const ZScore = z
  .number({ error: "crmSegments.errors.scoreInvalid" })
  .int({ error: "crmSegments.errors.scoreInvalid" })
  .min(1, { error: "crmSegments.errors.scoreInvalid" })
  .max(5, { error: "crmSegments.errors.scoreInvalid" });

/** An inclusive range of scores, [min, max]. */
export const ZScoreRange = z.tuple([ZScore, ZScore]).refine(([min, max]) => min <= max, { error: "crmSegments.errors.rangeReversed" });

export const ZRfmRule = z.object({
  name: z.string({ error: "crmSegments.errors.nameRequired" }).trim().min(1, { error: "crmSegments.errors.nameRequired" }).max(40, { error: "crmSegments.errors.nameTooLong" }),
  r: ZScoreRange,
  f: ZScoreRange,
  m: ZScoreRange,
});
export type TRfmRule = z.output<typeof ZRfmRule>;

const ZPercent = z
  .number({ error: "crmSegments.errors.cutoffInvalid" })
  .int({ error: "crmSegments.errors.cutoffInvalid" })
  .min(1, { error: "crmSegments.errors.cutoffInvalid" })
  .max(99, { error: "crmSegments.errors.cutoffInvalid" });

export const ZCrmSegmentSettings = z.object({
  abc: z
    .object({
      /** Customers (products) making the first `a` % of revenue are class A. */
      a: ZPercent,
      /** … up to `b` % class B, the rest C. */
      b: ZPercent,
    })
    .refine(({ a, b }) => a < b, { error: "crmSegments.errors.cutoffOrder", path: ["b"] }),
  rfm: z
    .array(ZRfmRule)
    .min(1, { error: "crmSegments.errors.noRules" })
    .max(30, { error: "crmSegments.errors.tooManyRules" })
    .superRefine((rules, context) => {
      const seen = new Set<string>();
      rules.forEach((rule, index) => {
        const key = rule.name.toLocaleLowerCase("ru");
        if (seen.has(key)) context.addIssue({ code: "custom", path: [index, "name"], message: "crmSegments.errors.nameDuplicate" });
        seen.add(key);
      });
    }),
});
export type TCrmSegmentSettings = z.output<typeof ZCrmSegmentSettings>;

/** The standard ordered map (CRAN `rfm::rfm_segment`): checked top to bottom, the first match wins. */
export const DEFAULT_RFM_MAP: TRfmRule[] = [
  { name: "Champions", r: [5, 5], f: [5, 5], m: [5, 5] },
  { name: "Loyal", r: [2, 4], f: [2, 4], m: [2, 4] },
  { name: "Potential loyalist", r: [3, 5], f: [3, 5], m: [2, 5] },
  { name: "New", r: [4, 5], f: [1, 3], m: [1, 5] },
  { name: "Promising", r: [3, 4], f: [1, 3], m: [3, 5] },
  { name: "Need attention", r: [1, 3], f: [3, 5], m: [3, 5] },
  { name: "About to sleep", r: [2, 3], f: [1, 3], m: [1, 4] },
  { name: "At risk", r: [1, 2], f: [2, 5], m: [4, 5] },
  { name: "Can't lose them", r: [1, 2], f: [3, 4], m: [4, 5] },
  { name: "Lost", r: [1, 1], f: [1, 5], m: [1, 5] },
];

export const DEFAULT_SEGMENT_SETTINGS: TCrmSegmentSettings = { abc: { a: 80, b: 95 }, rfm: DEFAULT_RFM_MAP };

export interface RfmScores {
  r: number;
  f: number;
  m: number;
}

const inRange = (score: number, [min, max]: readonly [number, number]) => score >= min && score <= max;

/** The segment of a customer's scores: the first rule whose three ranges hold them, or null. */
export function matchRfmSegment(rules: readonly TRfmRule[], scores: RfmScores): string | null {
  return rules.find((rule) => inRange(scores.r, rule.r) && inRange(scores.f, rule.f) && inRange(scores.m, rule.m))?.name ?? null;
}

/** Every R/F/M combination (of 125) no rule maps, for the settings form's warning. */
export function uncoveredCombinations(rules: readonly TRfmRule[]): RfmScores[] {
  const uncovered: RfmScores[] = [];
  for (const r of RFM_SCORES) for (const f of RFM_SCORES) for (const m of RFM_SCORES) if (matchRfmSegment(rules, { r, f, m }) === null) uncovered.push({ r, f, m });
  return uncovered;
}
