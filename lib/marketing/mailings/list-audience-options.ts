// The choices of the audience filter: the RFM segments of the segment map, the tags in use, the
// products (select boxes, capped).
import type { TSectionActor } from "@/lib/auth/section-actor";
import { getSegmentSettings } from "@/lib/crm/segments/get-segment-settings";
import { db } from "@/lib/db";
import { assertMailingActor } from "./mailing-access";

export async function listAudienceOptions(actor: TSectionActor) {
  assertMailingActor(actor);
  const [settings, tags, products] = await Promise.all([
    getSegmentSettings(),
    db.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest(tags) AS tag FROM "Customer" WHERE "mergedIntoId" IS NULL ORDER BY 1 LIMIT 300`,
    db.product.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 }),
  ]);
  return { rfmSegments: settings.rfm.map((rule) => rule.name), tags: tags.map((row) => row.tag), products };
}
