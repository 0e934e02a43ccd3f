// The products a shipping rule can be limited to, for the rule form's picker (inactive ones too:
// a rule may be prepared before its product goes on sale).
import { db } from "@/lib/db";

export async function listRuleProductOptions(): Promise<{ value: string; label: string }[]> {
  const products = await db.product.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  return products.map((product) => ({ value: product.id, label: product.name }));
}
