// Basis points as the percent people type: 3000 → "30", 1250 → "12.5", 1 → "0.01" (exact, no float).
import { minorUnitsToDecimalString } from "@/lib/money/format";

export const percentText = (basisPoints: number) => minorUnitsToDecimalString(basisPoints, 2).replace(/\.?0+$/, "");
