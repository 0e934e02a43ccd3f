// What the Russian Post forms print about one order, independent of where it came from (the
// orders table through load-postal-form-orders.ts, a shipping batch, a test). Money is integer
// kopecks: the forms are domestic and in rubles.

export const POSTAL_FORMS = ["f7p", "f112ep", "f116", "f103"] as const;
export type PostalForm = (typeof POSTAL_FORMS)[number];

export interface PostalFormOrder {
  orderId: string;
  orderNumber: number;
  recipientName: string | null;
  /** Street, house, flat, city, region: the "Куда" line. */
  address: string | null;
  postcode: string | null;
  phone: string | null;
  /** Declared value, kopecks. */
  declaredValue: number;
  /** Cash to collect on delivery, kopecks; 0 for a prepaid parcel. */
  codAmount: number;
  trackingNumber: string | null;
  weightGrams: number | null;
  /** Postal charges when known (kopecks); f.103 leaves a blank cell for the post office otherwise. */
  fees?: { postage: number | null; declaredValue: number | null };
}

/** A batch list's header (f.103). */
export interface PostalBatch {
  number: string;
  date: Date;
}
