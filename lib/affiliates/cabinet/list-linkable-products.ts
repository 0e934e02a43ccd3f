// Products a partner can build a referral link to: those on sale (an inactive product's
// checkout has nothing to buy, so a link to it would waste the partner's traffic).
import { db } from "@/lib/db";

export async function listLinkableProducts(): Promise<{ slug: string; name: string }[]> {
  return db.product.findMany({ where: { isActive: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { slug: true, name: true } });
}
