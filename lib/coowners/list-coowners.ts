// Settings → Co-owners: every co-owner with their share rules (all-products rule first, then by
// product name), the linked employee's name, and what the forms offer (employees, products).
import { assertSectionActor, type TSectionActor } from "@/lib/auth/section-actor";
import { db } from "@/lib/db";
import { shareTotals } from "./effective-shares";

export interface CoOwnerRow {
  id: string;
  name: string;
  email: string | null;
  note: string | null;
  isActive: boolean;
  user: { id: string; name: string; email: string } | null;
  shares: { id: string; productId: string | null; productName: string | null; basisPoints: number }[];
}

export interface CoOwnersOverview {
  coOwners: CoOwnerRow[];
  /** The active co-owners' total share of a product without rules of its own, in basis points. */
  allProductsTotal: number;
  /** The same for each product that has rules of its own. */
  productTotals: { productId: string; productName: string; basisPoints: number }[];
  employees: { id: string; label: string }[];
  products: { id: string; label: string }[];
}

export async function listCoOwners(actor: TSectionActor): Promise<CoOwnersOverview> {
  assertSectionActor(actor, "settings");
  const [coOwners, employees, products] = await Promise.all([
    db.coOwner.findMany({
      orderBy: [{ isActive: "desc" }, { name: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        email: true,
        note: true,
        isActive: true,
        user: { select: { id: true, name: true, email: true } },
        shares: { select: { id: true, productId: true, basisPoints: true, product: { select: { name: true } } } },
      },
    }),
    db.user.findMany({ where: { isActive: true }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, email: true } }),
    db.product.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
  ]);
  const productName = new Map(products.map((product) => [product.id, product.name]));
  const rows = coOwners.map(({ shares, ...coOwner }) => ({
    ...coOwner,
    shares: shares
      .map(({ product, ...share }) => ({ ...share, productName: product?.name ?? null }))
      .sort((a, b) => (a.productName === null ? -1 : b.productName === null ? 1 : a.productName.localeCompare(b.productName))),
  }));
  const totals = shareTotals(
    rows.filter((row) => row.isActive).flatMap((row) => row.shares.map((share) => ({ coOwnerId: row.id, productId: share.productId, basisPoints: share.basisPoints }))),
  );
  return {
    coOwners: rows,
    allProductsTotal: totals.allProducts,
    productTotals: [...totals.products]
      .map(([productId, basisPoints]) => ({ productId, productName: productName.get(productId) ?? productId, basisPoints }))
      .sort((a, b) => a.productName.localeCompare(b.productName)),
    employees: employees.map((user) => ({ id: user.id, label: `${user.name} <${user.email}>` })),
    products: products.map((product) => ({ id: product.id, label: product.name })),
  };
}
