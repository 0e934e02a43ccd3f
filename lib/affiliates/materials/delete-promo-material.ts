import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertMaterialStaff, parseMaterialId, type TMaterialStaffActor } from "./promo-material-rules";

export async function deletePromoMaterial(id: unknown, actor: TMaterialStaffActor): Promise<void> {
  assertMaterialStaff(actor);
  const { count } = await db.promoMaterial.deleteMany({ where: { id: parseMaterialId(id) } });
  if (count === 0) throw new AppError("NOT_FOUND", "Promo material not found");
}
