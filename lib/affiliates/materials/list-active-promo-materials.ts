// What a partner sees under Promo materials: active materials (of products on sale, or of the
// whole program), each with the partner's own referral link to the product's checkout filled in.
import { buildReferralLink } from "@/lib/affiliates/cabinet/build-referral-link";
import { db } from "@/lib/db";
import type { PromoMaterialKind } from "@/lib/db/generated/enums";

export interface PartnerPromoMaterial {
  id: string;
  title: string;
  kind: PromoMaterialKind;
  description: string | null;
  url: string | null;
  content: string | null;
  productName: string | null;
  /** The partner's link to the product; null for program-wide materials. */
  referralLink: string | null;
}

export async function listActivePromoMaterials(partner: { login: string }, appUrl: string): Promise<PartnerPromoMaterial[]> {
  const rows = await db.promoMaterial.findMany({
    where: { isActive: true, OR: [{ productId: null }, { product: { isActive: true } }] },
    select: { id: true, title: true, kind: true, description: true, url: true, content: true, product: { select: { slug: true, name: true } } },
    orderBy: [{ position: "asc" }, { createdAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map(({ product, ...material }) => ({
    ...material,
    productName: product?.name ?? null,
    referralLink: product ? buildReferralLink({ appUrl, login: partner.login, productSlug: product.slug }) : null,
  }));
}
