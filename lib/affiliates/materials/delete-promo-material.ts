import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseMaterialId } from "./promo-material-rules";

export async function deletePromoMaterial(id: unknown, actor: TSectionActor): Promise<void> {
  assertSectionActor(actor, "partners");
  const { count } = await db.promoMaterial.deleteMany({ where: { id: parseMaterialId(id) } });
  if (count === 0) throw new AppError("NOT_FOUND", "Promo material not found");
}
