// The editor's list of every material (active or not) and one material to edit.
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import type { PromoMaterialKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { parseMaterialId } from "./promo-material-rules";

export interface PromoMaterialRow {
  id: string;
  title: string;
  kind: PromoMaterialKind;
  description: string | null;
  url: string | null;
  content: string | null;
  isActive: boolean;
  product: { id: string; name: string } | null;
}

const select = { id: true, title: true, kind: true, description: true, url: true, content: true, isActive: true, product: { select: { id: true, name: true } } } as const;

export async function listPromoMaterials(actor: TSectionActor): Promise<PromoMaterialRow[]> {
  assertSectionActor(actor, "partners");
  return db.promoMaterial.findMany({ select, orderBy: [{ position: "asc" }, { createdAt: "desc" }, { id: "asc" }], take: 500 });
}

export async function getPromoMaterialOrThrow(id: unknown, actor: TSectionActor): Promise<PromoMaterialRow> {
  assertSectionActor(actor, "partners");
  const material = await db.promoMaterial.findUnique({ where: { id: parseMaterialId(id) }, select });
  if (!material) throw new AppError("NOT_FOUND", "Promo material not found");
  return material;
}
