// The audience preview: how many addresses the mailing would go to if it started now (suppressed
// addresses and duplicates already left out, as the freeze does).
import type { TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { assertMailingActor } from "./mailing-access";
import { audienceCountSql, ZMailingAudience, type TMailingAudience } from "./mailing-audience";

export async function countMailingAudience(audience: TMailingAudience, actor: TSectionActor): Promise<number> {
  assertMailingActor(actor);
  const [row] = await db.$queryRaw<{ count: number }[]>(audienceCountSql(ZMailingAudience.parse(audience)));
  return row?.count ?? 0;
}
