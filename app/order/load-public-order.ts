// The order of a page after ordering, or the 404 page for an unknown id.
import { notFound } from "next/navigation";
import { cache } from "react";
import { getPublicOrder } from "@/lib/checkout/get-public-order";
import { AppError } from "@/lib/errors";

export const loadPublicOrder = cache(async (publicId: string) => {
  try {
    return await getPublicOrder(publicId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
