// Every endpoint of the REST API v1 in one table: method, path, the scope it needs, its zod
// schemas (query, body, response) and what it runs. The route handlers (app/api/v1/**) take
// their operation from here (api-route.ts), the OpenAPI document is generated from it
// (openapi.ts), and tests can enumerate it — so an endpoint cannot exist without a scope or
// without documentation.
import type { z } from "zod";
import type { AuthenticatedApiKey } from "./authenticate-api-key";
import type { ApiScope } from "./scopes";
import { getApiCommission, listApiCommissions, ZCommissionObject, ZListCommissionsQuery } from "./resources/commissions";
import {
  createApiCustomer,
  getApiCustomer,
  listApiCustomers,
  updateApiCustomer,
  ZCreateCustomerBody,
  ZCustomerObject,
  ZListCustomersQuery,
  ZUpdateCustomerBody,
} from "./resources/customers";
import {
  addApiOrderNote,
  changeApiOrderStatus,
  createApiOrder,
  getApiOrder,
  listApiOrders,
  setApiOrderTracking,
  ZCreateOrderBody,
  ZListOrdersQuery,
  ZNoteBody,
  ZOrderNoteObject,
  ZOrderObject,
  ZOrderStatusBody,
  ZTrackingBody,
} from "./resources/orders";
import { getApiPartner, listApiPartners, ZListPartnersQuery, ZPartnerObject } from "./resources/partners";
import { listApiPayouts, ZListPayoutsQuery, ZPayoutObject } from "./resources/payouts";
import { getApiProduct, listApiProducts, ZListProductsQuery, ZProductObject } from "./resources/products";
import { listEnvelope } from "./pagination";

export interface ApiCall<Query, Body> {
  actor: AuthenticatedApiKey;
  params: { id: string };
  query: Query;
  body: Body;
  ip: string;
  userAgent?: string;
  idempotencyKey?: string;
}

export interface ApiResult {
  status?: 200 | 201;
  body: unknown;
  /** What the audit entry names, with the state before and after a write. */
  audit?: { entityType: string; entityId: string; before?: unknown; after?: unknown };
}

export interface ApiOperation<Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: "GET" | "POST";
  /** OpenAPI path under /api/v1 (`{id}` for the object id). */
  path: string;
  scope: ApiScope;
  tag: "Orders" | "Products" | "Customers" | "Partners" | "Commissions" | "Payouts";
  summary: string;
  description?: string;
  query?: Q;
  body?: B;
  response: z.ZodType;
  /** 201 for a POST that creates. */
  created?: boolean;
  run: (call: ApiCall<z.output<Q>, z.output<B>>) => Promise<ApiResult>;
}

const op = <Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(operation: ApiOperation<Q, B>) => operation as unknown as ApiOperation;

const orderAudit = (id: string, before?: unknown, after?: unknown) => ({ entityType: "Order", entityId: id, before, after });

export const API_OPERATIONS = {
  listOrders: op({
    method: "GET",
    path: "/orders",
    scope: "orders:read",
    tag: "Orders",
    summary: "List orders",
    description: "Newest first. Filter by status, product, partner, customer and creation time; page with `limit`, `starting_after` and `ending_before`.",
    query: ZListOrdersQuery,
    response: listEnvelope(ZOrderObject, "/api/v1/orders").meta({ id: "OrderList" }),
    run: async ({ query }) => ({ body: await listApiOrders(query) }),
  }),
  createOrder: op({
    method: "POST",
    path: "/orders",
    scope: "orders:write",
    tag: "Orders",
    summary: "Create an order",
    description:
      "Places an order by the checkout's rules: the product's form fields and validators, prices for the country's region, shipping, stock, duplicates, the confirmation mail (EMAIL_LINK products) and partner attribution. Without an Authorization header this URL is the public JSON checkout (see the README), which takes the checkout form's own body.",
    body: ZCreateOrderBody,
    response: ZOrderObject,
    created: true,
    run: async ({ body, actor, ip, userAgent, idempotencyKey }) => {
      const { order, created } = await createApiOrder(body, actor, { ip, userAgent, idempotencyKey });
      return { status: created ? 201 : 200, body: order, audit: orderAudit(order.id, undefined, { status: order.status, amount_total: order.amount_total, currency: order.currency }) };
    },
  }),
  getOrder: op({
    method: "GET",
    path: "/orders/{id}",
    scope: "orders:read",
    tag: "Orders",
    summary: "Retrieve an order",
    response: ZOrderObject,
    run: async ({ params }) => ({ body: await getApiOrder(params.id) }),
  }),
  changeOrderStatus: op({
    method: "POST",
    path: "/orders/{id}/status",
    scope: "orders:write",
    tag: "Orders",
    summary: "Change an order's status",
    description:
      "Moves the order through the one transition table (UNCONFIRMED → CONFIRMED → SHIPPED → DELIVERED → HANDED → PAID, and CANCELLED, RETURNED, DUPLICATE, SPAM), with stock, commissions, postbacks and mails following. A move the table does not allow is refused (409).",
    body: ZOrderStatusBody,
    response: ZOrderObject,
    run: async ({ params, body, actor }) => {
      const { order, before } = await changeApiOrderStatus(params.id, body, actor);
      return { body: order, audit: orderAudit(order.id, before, { status: order.status, tracking_number: order.tracking_number }) };
    },
  }),
  setOrderTrackingNumber: op({
    method: "POST",
    path: "/orders/{id}/tracking_number",
    scope: "orders:write",
    tag: "Orders",
    summary: "Set an order's tracking number",
    body: ZTrackingBody,
    response: ZOrderObject,
    run: async ({ params, body, actor }) => {
      const { order, before } = await setApiOrderTracking(params.id, body, actor);
      return { body: order, audit: orderAudit(order.id, before, { tracking_number: order.tracking_number }) };
    },
  }),
  addOrderNote: op({
    method: "POST",
    path: "/orders/{id}/notes",
    scope: "orders:write",
    tag: "Orders",
    summary: "Add a note to an order",
    description: "The note joins the order's history (shown on the order page), at any status.",
    body: ZNoteBody,
    response: ZOrderNoteObject,
    created: true,
    run: async ({ params, body, actor }) => {
      const note = await addApiOrderNote(params.id, body, actor);
      return { status: 201, body: note, audit: orderAudit(params.id, undefined, { note: note.text }) };
    },
  }),
  listProducts: op({
    method: "GET",
    path: "/products",
    scope: "products:read",
    tag: "Products",
    summary: "List products",
    query: ZListProductsQuery,
    response: listEnvelope(ZProductObject, "/api/v1/products").meta({ id: "ProductList" }),
    run: async ({ query }) => ({ body: await listApiProducts(query) }),
  }),
  getProduct: op({
    method: "GET",
    path: "/products/{id}",
    scope: "products:read",
    tag: "Products",
    summary: "Retrieve a product",
    response: ZProductObject,
    run: async ({ params }) => ({ body: await getApiProduct(params.id) }),
  }),
  listCustomers: op({
    method: "GET",
    path: "/customers",
    scope: "customers:read",
    tag: "Customers",
    summary: "List customers",
    description: "Merged-away cards are left out. `email` and `phone` find a customer by any of their emails or phones, compared normalised.",
    query: ZListCustomersQuery,
    response: listEnvelope(ZCustomerObject, "/api/v1/customers").meta({ id: "CustomerList" }),
    run: async ({ query }) => ({ body: await listApiCustomers(query) }),
  }),
  createCustomer: op({
    method: "POST",
    path: "/customers",
    scope: "customers:write",
    tag: "Customers",
    summary: "Create a customer",
    description:
      "Phones and emails are normalised; one that already belongs to another customer is refused with 409 `customer_exists` naming that customer (never a second card for one person).",
    body: ZCreateCustomerBody,
    response: ZCustomerObject,
    created: true,
    run: async ({ body, actor }) => {
      const customer = await createApiCustomer(body, actor);
      return { status: 201, body: customer, audit: { entityType: "Customer", entityId: customer.id, after: customer } };
    },
  }),
  getCustomer: op({
    method: "GET",
    path: "/customers/{id}",
    scope: "customers:read",
    tag: "Customers",
    summary: "Retrieve a customer",
    response: ZCustomerObject,
    run: async ({ params }) => ({ body: await getApiCustomer(params.id) }),
  }),
  updateCustomer: op({
    method: "POST",
    path: "/customers/{id}",
    scope: "customers:write",
    tag: "Customers",
    summary: "Update a customer",
    description:
      "Only the parameters sent change; a list sent (phones, emails, addresses) replaces the customer's list. The same one-card-per-contact rule as creation (409 `customer_exists`).",
    body: ZUpdateCustomerBody,
    response: ZCustomerObject,
    run: async ({ params, body, actor }) => {
      const { customer, before } = await updateApiCustomer(params.id, body, actor);
      return { body: customer, audit: { entityType: "Customer", entityId: customer.id, before, after: customer } };
    },
  }),
  listPartners: op({
    method: "GET",
    path: "/partners",
    scope: "partners:read",
    tag: "Partners",
    summary: "List partners",
    query: ZListPartnersQuery,
    response: listEnvelope(ZPartnerObject, "/api/v1/partners").meta({ id: "PartnerList" }),
    run: async ({ query }) => ({ body: await listApiPartners(query) }),
  }),
  getPartner: op({
    method: "GET",
    path: "/partners/{id}",
    scope: "partners:read",
    tag: "Partners",
    summary: "Retrieve a partner",
    response: ZPartnerObject,
    run: async ({ params }) => ({ body: await getApiPartner(params.id) }),
  }),
  listCommissions: op({
    method: "GET",
    path: "/commissions",
    scope: "commissions:read",
    tag: "Commissions",
    summary: "List commissions",
    query: ZListCommissionsQuery,
    response: listEnvelope(ZCommissionObject, "/api/v1/commissions").meta({ id: "CommissionList" }),
    run: async ({ query }) => ({ body: await listApiCommissions(query) }),
  }),
  getCommission: op({
    method: "GET",
    path: "/commissions/{id}",
    scope: "commissions:read",
    tag: "Commissions",
    summary: "Retrieve a commission",
    response: ZCommissionObject,
    run: async ({ params }) => ({ body: await getApiCommission(params.id) }),
  }),
  listPayouts: op({
    method: "GET",
    path: "/payouts",
    scope: "payouts:read",
    tag: "Payouts",
    summary: "List payouts",
    query: ZListPayoutsQuery,
    response: listEnvelope(ZPayoutObject, "/api/v1/payouts").meta({ id: "PayoutList" }),
    run: async ({ query }) => ({ body: await listApiPayouts(query) }),
  }),
} satisfies Record<string, ApiOperation>;

export type ApiOperationId = keyof typeof API_OPERATIONS;
