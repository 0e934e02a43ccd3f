import { db } from "@/lib/db";
import { assertMaterialStaff, parsePromoMaterialInput, type TMaterialStaffActor } from "./promo-material-rules";

const productExists = async (id: string) => (await db.product.count({ where: { id } })) > 0;

export async function createPromoMaterial(input: unknown, actor: TMaterialStaffActor): Promise<{ id: string }> {
  assertMaterialStaff(actor);
  const data = await parsePromoMaterialInput(input, productExists);
  return db.promoMaterial.create({ data, select: { id: true } });
}
