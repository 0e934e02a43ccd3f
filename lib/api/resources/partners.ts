// API partners (affiliates): list and get. Never the password hash; payout details only as the
// method (the details are for the accountant's eyes in the admin).
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { PartnerStatus } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";
import { createdWhere, iso, ZCreatedRange, ZInstant } from "../objects";
import { keysetOrder, keysetWhere, paginate, ZListParams } from "../pagination";

export const ZPartnerObject = z
  .object({
    id: z.string(),
    object: z.literal("partner"),
    login: z.string().meta({ description: "Used in referral links: /r/<login>." }),
    name: z.string(),
    email: z.string(),
    status: z.enum(PartnerStatus),
    parent: z.string().nullable().meta({ description: "Id of the partner who recruited this one (level 1 above)." }),
    payout_method: z.string().nullable(),
    email_verified: z.boolean(),
    created: ZInstant,
  })
  .meta({ id: "Partner" });
export type PartnerObject = z.infer<typeof ZPartnerObject>;

const partnerSelect = {
  id: true,
  login: true,
  name: true,
  email: true,
  status: true,
  parentId: true,
  payoutMethod: true,
  emailVerifiedAt: true,
  createdAt: true,
} as const satisfies Prisma.PartnerSelect;

function partnerObject(row: Prisma.PartnerGetPayload<{ select: typeof partnerSelect }>): PartnerObject {
  return {
    id: row.id,
    object: "partner",
    login: row.login,
    name: row.name,
    email: row.email,
    status: row.status,
    parent: row.parentId,
    payout_method: row.payoutMethod,
    email_verified: row.emailVerifiedAt !== null,
    created: iso(row.createdAt),
  };
}

export const ZListPartnersQuery = ZListParams.extend({
  status: z.enum(PartnerStatus).optional(),
  parent: z.string().max(64).optional().meta({ description: "Only partners recruited by this partner." }),
  ...ZCreatedRange,
});

export async function listApiPartners(query: z.output<typeof ZListPartnersQuery>) {
  const filter: Prisma.PartnerWhereInput = { ...createdWhere(query), ...(query.status ? { status: query.status } : {}), ...(query.parent ? { parentId: query.parent } : {}) };
  const { rows, hasMore } = await paginate(query, {
    cursorOf: async (id) => {
      const row = await db.partner.findUnique({ where: { id }, select: { id: true, createdAt: true } });
      return row && { id: row.id, created: row.createdAt };
    },
    load: (after, direction, take) => db.partner.findMany({ where: { AND: [filter, keysetWhere(after, direction)] }, orderBy: keysetOrder(direction), take, select: partnerSelect }),
  });
  return { object: "list" as const, url: "/api/v1/partners" as const, has_more: hasMore, data: rows.map(partnerObject) };
}

export async function getApiPartner(id: string): Promise<PartnerObject> {
  const row = await db.partner.findUnique({ where: { id }, select: partnerSelect });
  if (!row) throw notFound("Partner");
  return partnerObject(row);
}
