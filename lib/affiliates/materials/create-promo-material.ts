import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { parsePromoMaterialInput } from "./promo-material-rules";

const productExists = async (id: string) => (await db.product.count({ where: { id } })) > 0;

export async function createPromoMaterial(input: unknown, actor: TSectionActor): Promise<{ id: string }> {
  assertSectionActor(actor, "partners");
  const data = await parsePromoMaterialInput(input, productExists);
  return db.promoMaterial.create({ data, select: { id: true } });
}
