// The objects webhook events carry (`data.object`), built in SQL inside the transaction that
// records the event, so each event has the object exactly as that transaction left it. They are
// the REST API's objects (lib/api/resources/*: Z…Object there documents each shape, and the
// webhook tests parse what this SQL builds with those schemas). The envelope's `created` is unix
// seconds, as in Stripe's events.
import { z } from "zod";
import type { WebhookObjectType } from "./event-types";

const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * SQL expressions (jsonb) of each object, for the row whose id is the SQL expression `id`, in the
 * shapes of the REST API's objects (lib/api/resources: the same field names, ISO instants), so a
 * receiver handles an event's object and an API answer with the same code.
 * `id` is spliced as SQL text: callers pass a column reference of their own statement only.
 */
export const OBJECT_SQL: Record<WebhookObjectType, (id: string) => string> = {
  order: (id) => `(SELECT jsonb_build_object(
      'id', o.id, 'object', 'order', 'number', o.number, 'public_id', o."publicId", 'status', o.status,
      'payment_status', o."paymentStatus", 'payment_method', o."paymentMethod", 'shipping_method', o."shippingMethod",
      'currency', trim(o.currency), 'amount_items', o."itemsTotal", 'amount_discount', o."discountTotal",
      'amount_shipping', o."shippingTotal", 'amount_total', o.total, 'product', o."productId",
      'items', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', i.id, 'object', 'order_item', 'product', i."productId", 'kind', i.kind,
          'name', i."productName", 'quantity', i.quantity, 'unit_amount', i."unitPrice", 'amount', i.total) ORDER BY i."createdAt", i.id)
        FROM "OrderItem" i WHERE i."orderId" = o.id), '[]'::jsonb),
      'customer', o."customerId",
      'customer_details', jsonb_build_object('name', o."customerName", 'phone', o.phone, 'email', o.email),
      'shipping_address', jsonb_build_object('country', trim(o.country), 'postcode', o.postcode, 'province', o.province, 'city', o.city,
        'street', o.street, 'house', o.house, 'flat', o.flat),
      'region', o.region, 'locale', o.locale, 'comment', o."customerComment", 'custom_fields', o."customFields",
      'tracking_number', o."trackingNumber", 'duplicate_of', o."duplicateOfId", 'partner', o."partnerId",
      'attribution', jsonb_build_object('sub1', o.sub1, 'sub2', o.sub2, 'sub3', o.sub3, 'sub4', o.sub4, 'sub5', o.sub5),
      'source', o.source,
      'status_transitions', jsonb_build_object('confirmed_at', ${iso('o."confirmedAt"')}, 'shipped_at', ${iso('o."shippedAt"')},
        'delivered_at', ${iso('o."deliveredAt"')}, 'handed_at', ${iso('o."handedAt"')}, 'paid_at', ${iso('o."paidAt"')},
        'cancelled_at', ${iso('o."cancelledAt"')}, 'returned_at', ${iso('o."returnedAt"')}),
      'history', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', h.id::text, 'from', h."fromStatus", 'to', h."toStatus",
          'actor', jsonb_build_object('type', h."actorType", 'id', h."actorId"), 'note', h.reason, 'created', ${iso('h."createdAt"')}) ORDER BY h.id)
        FROM "OrderStatusChange" h WHERE h."orderId" = o.id), '[]'::jsonb),
      'created', ${iso('o."createdAt"')}, 'updated', ${iso('o."updatedAt"')})
    FROM "Order" o WHERE o.id = ${id})`,
  customer: (id) => `(SELECT jsonb_build_object(
      'id', c.id, 'object', 'customer', 'type', c.type, 'name', c.name, 'legal_name', c."legalName", 'tax_id', c."taxId",
      'website', c.website, 'phone', c.phone, 'email', c.email,
      'phones', COALESCE((SELECT jsonb_agg(jsonb_build_object('phone', p.phone, 'normalized', p.normalized, 'label', p.label, 'primary', p."isPrimary")
        ORDER BY p."isPrimary" DESC, p."createdAt") FROM "CustomerPhone" p WHERE p."customerId" = c.id), '[]'::jsonb),
      'emails', COALESCE((SELECT jsonb_agg(jsonb_build_object('email', e.email, 'normalized', e.normalized, 'label', e.label, 'primary', e."isPrimary")
        ORDER BY e."isPrimary" DESC, e."createdAt") FROM "CustomerEmail" e WHERE e."customerId" = c.id), '[]'::jsonb),
      'addresses', COALESCE((SELECT jsonb_agg(jsonb_build_object('country', trim(a.country), 'postcode', a.postcode, 'province', a.province,
          'city', a.city, 'street', a.street, 'house', a.house, 'flat', a.flat, 'label', a.label, 'default', a."isDefault")
        ORDER BY a."isDefault" DESC, a."createdAt") FROM "CustomerAddress" a WHERE a."customerId" = c.id), '[]'::jsonb),
      'region', c.region, 'country', trim(c.country), 'locale', c.locale, 'source', c.source, 'tags', to_jsonb(c.tags), 'notes', c.notes,
      'orders_count', c."ordersCount", 'paid_orders_count', c."paidOrdersCount",
      'paid_revenue', jsonb_build_object('amount', c."paidRevenue", 'currency', 'RUB'),
      'rfm_segment', c."rfmSegment", 'abc_class', trim(c."abcClass"), 'last_order_at', ${iso('c."lastOrderAt"')},
      'merged_into', c."mergedIntoId", 'created', ${iso('c."createdAt"')}, 'updated', ${iso('c."updatedAt"')})
    FROM "Customer" c WHERE c.id = ${id})`,
  commission: (id) => `(SELECT jsonb_build_object(
      'id', m.id, 'object', 'commission', 'order', m."orderId", 'partner', m."partnerId", 'level', m.level,
      'amount', m.amount, 'currency', trim(m.currency), 'rule', jsonb_build_object('kind', m."ruleKind", 'value', m."ruleValue"),
      'trigger', m.trigger, 'status', m.status, 'payout', m."payoutId",
      'approved_at', ${iso('m."approvedAt"')}, 'available_at', ${iso('m."availableAt"')}, 'cancelled_at', ${iso('m."cancelledAt"')},
      'paid_at', ${iso('m."paidAt"')}, 'created', ${iso('m."createdAt"')})
    FROM "Commission" m WHERE m.id = ${id})`,
  payout: (id) => `(SELECT jsonb_build_object(
      'id', p.id, 'object', 'payout', 'partner', p."partnerId", 'amount', p.amount, 'currency', trim(p.currency), 'status', p.status,
      'method', p.method, 'reference', p.reference, 'reason', p.reason,
      'created', ${iso('p."requestedAt"')}, 'approved_at', ${iso('p."approvedAt"')}, 'paid_at', ${iso('p."paidAt"')},
      'rejected_at', ${iso('p."rejectedAt"')})
    FROM "Payout" p WHERE p.id = ${id})`,
};

const unix = z.number().int().nonnegative();

/** The body of every webhook request. */
export const ZWebhookEventBody = z.object({
  id: z.string().startsWith("evt_"),
  object: z.literal("event"),
  type: z.string(),
  created: unix,
  data: z.object({ object: z.unknown(), previous_attributes: z.record(z.string(), z.unknown()).optional() }),
});
