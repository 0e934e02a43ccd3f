import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseMaterialId, parsePromoMaterialInput } from "./promo-material-rules";

const productExists = async (id: string) => (await db.product.count({ where: { id } })) > 0;

export async function updatePromoMaterial(id: unknown, input: unknown, actor: TSectionActor): Promise<void> {
  assertSectionActor(actor, "partners");
  const materialId = parseMaterialId(id);
  const data = await parsePromoMaterialInput(input, productExists);
  const { count } = await db.promoMaterial.updateMany({ where: { id: materialId }, data });
  if (count === 0) throw new AppError("NOT_FOUND", "Promo material not found");
}
