// Generated from /api/v1/openapi.json by `npm run api:types` (openapi-typescript). Do not edit.
export interface paths {
  "/api/v1/orders": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List orders
     * @description Newest first. Filter by status, product, partner, customer and creation time; page with `limit`, `starting_after` and `ending_before`.
     *
     *     Scope: `orders:read`.
     */
    get: operations["listOrders"];
    put?: never;
    /**
     * Create an order
     * @description Places an order by the checkout's rules: the product's form fields and validators, prices for the country's region, shipping, stock, duplicates, the confirmation mail (EMAIL_LINK products) and partner attribution. Without an Authorization header this URL is the public JSON checkout (see the README), which takes the checkout form's own body.
     *
     *     Scope: `orders:write`.
     */
    post: operations["createOrder"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/orders/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve an order
     * @description Scope: `orders:read`.
     */
    get: operations["getOrder"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/orders/{id}/status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change an order's status
     * @description Moves the order through the one transition table (UNCONFIRMED → CONFIRMED → SHIPPED → DELIVERED → HANDED → PAID, and CANCELLED, RETURNED, DUPLICATE, SPAM), with stock, commissions, postbacks and mails following. A move the table does not allow is refused (409).
     *
     *     Scope: `orders:write`.
     */
    post: operations["changeOrderStatus"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/orders/{id}/tracking_number": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set an order's tracking number
     * @description Scope: `orders:write`.
     */
    post: operations["setOrderTrackingNumber"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/orders/{id}/notes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a note to an order
     * @description The note joins the order's history (shown on the order page), at any status.
     *
     *     Scope: `orders:write`.
     */
    post: operations["addOrderNote"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/products": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List products
     * @description Scope: `products:read`.
     */
    get: operations["listProducts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/products/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve a product
     * @description Scope: `products:read`.
     */
    get: operations["getProduct"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/customers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List customers
     * @description Merged-away cards are left out. `email` and `phone` find a customer by any of their emails or phones, compared normalised.
     *
     *     Scope: `customers:read`.
     */
    get: operations["listCustomers"];
    put?: never;
    /**
     * Create a customer
     * @description Phones and emails are normalised; one that already belongs to another customer is refused with 409 `customer_exists` naming that customer (never a second card for one person).
     *
     *     Scope: `customers:write`.
     */
    post: operations["createCustomer"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/customers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve a customer
     * @description Scope: `customers:read`.
     */
    get: operations["getCustomer"];
    put?: never;
    /**
     * Update a customer
     * @description Only the parameters sent change; a list sent (phones, emails, addresses) replaces the customer's list. The same one-card-per-contact rule as creation (409 `customer_exists`).
     *
     *     Scope: `customers:write`.
     */
    post: operations["updateCustomer"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/partners": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List partners
     * @description Scope: `partners:read`.
     */
    get: operations["listPartners"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/partners/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve a partner
     * @description Scope: `partners:read`.
     */
    get: operations["getPartner"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/commissions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List commissions
     * @description Scope: `commissions:read`.
     */
    get: operations["listCommissions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/commissions/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieve a commission
     * @description Scope: `commissions:read`.
     */
    get: operations["getCommission"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payouts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List payouts
     * @description Scope: `payouts:read`.
     */
    get: operations["listPayouts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    OrderCreate: {
      /** @description Product id or slug. */
      product: string;
      /** @default 1 */
      quantity: number;
      /**
       * @description ISO 3166-1 alpha-2 delivery country.
       * @example RU
       */
      country: string;
      /** @enum {string} */
      payment_method: "COD" | "COURIER" | "PREPAID";
      /**
       * @description By default the first one offered for the payment method.
       * @enum {string}
       */
      shipping_method?: "POST" | "COURIER" | "PICKUP_POINT";
      /**
       * @description Language of the customer's mails.
       * @default ru
       * @enum {string}
       */
      locale: "ru" | "en";
      /** @description The checkout form's values by field key, as the product's form has them (fullName, phone, email, postcode, city, street, house, flat, comment, terms, custom keys). */
      fields: {
        [key: string]: string;
      };
      /** @description Pay-what-you-want: the unit price chosen, in minor units. */
      pay_amount?: number;
      /** @description Order bumps taken. */
      bump_ids?: string[];
      /** @description The total the customer saw (minor units): the order is refused (422) if the server's differs. */
      expected_total?: number;
      /** @description Attribute the order to this partner (id or login); refused for a self-referral or an inactive partner. */
      partner?: string;
      sub1?: string;
      sub2?: string;
      sub3?: string;
      sub4?: string;
      sub5?: string;
    };
    OrderStatusChange: {
      /** @enum {string} */
      status: "UNCONFIRMED" | "CONFIRMED" | "SHIPPED" | "DELIVERED" | "HANDED" | "PAID" | "CANCELLED" | "RETURNED" | "DUPLICATE" | "SPAM";
      /** @description Why (kept in the order's history). */
      reason?: string;
      tracking_number?: string;
      /**
       * @description Refuse (409) unless the order is still in this status.
       * @enum {string}
       */
      expected_status?: "UNCONFIRMED" | "CONFIRMED" | "SHIPPED" | "DELIVERED" | "HANDED" | "PAID" | "CANCELLED" | "RETURNED" | "DUPLICATE" | "SPAM";
    };
    OrderTracking: {
      tracking_number: string;
      /**
       * @description Refuse (409) unless the order is still in this status.
       * @enum {string}
       */
      expected_status?: "UNCONFIRMED" | "CONFIRMED" | "SHIPPED" | "DELIVERED" | "HANDED" | "PAID" | "CANCELLED" | "RETURNED" | "DUPLICATE" | "SPAM";
    };
    OrderNoteCreate: {
      text: string;
    };
    CustomerCreate: {
      /** @enum {string} */
      type?: "PERSON" | "COMPANY";
      name: string;
      legal_name?: string;
      tax_id?: string;
      website?: string;
      /** @enum {string} */
      region?: "RU" | "CIS" | "WORLD";
      country?: string;
      /** @enum {string} */
      locale?: "ru" | "en";
      source?: string;
      notes?: string;
      tags?: string[];
      /** @description Every phone of the customer (replaces the list on update). */
      phones?: {
        phone: string;
        label?: string;
        primary?: boolean;
      }[];
      /** @description Every email of the customer (replaces the list on update). */
      emails?: {
        email: string;
        label?: string;
        primary?: boolean;
      }[];
      /** @description Every address (replaces the list on update). */
      addresses?: {
        country: string;
        postcode?: string;
        province?: string;
        city?: string;
        street?: string;
        house?: string;
        flat?: string;
        label?: string;
        default?: boolean;
      }[];
    };
    CustomerUpdate: {
      /** @enum {string} */
      type?: "PERSON" | "COMPANY";
      name?: string;
      legal_name?: string;
      tax_id?: string;
      website?: string;
      /** @enum {string} */
      region?: "RU" | "CIS" | "WORLD";
      country?: string;
      /** @enum {string} */
      locale?: "ru" | "en";
      source?: string;
      notes?: string;
      tags?: string[];
      /** @description Every phone of the customer (replaces the list on update). */
      phones?: {
        phone: string;
        label?: string;
        primary?: boolean;
      }[];
      /** @description Every email of the customer (replaces the list on update). */
      emails?: {
        email: string;
        label?: string;
        primary?: boolean;
      }[];
      /** @description Every address (replaces the list on update). */
      addresses?: {
        country: string;
        postcode?: string;
        province?: string;
        city?: string;
        street?: string;
        house?: string;
        flat?: string;
        label?: string;
        default?: boolean;
      }[];
    };
    OrderList: {
      /** @constant */
      object: "list";
      /** @constant */
      url: "/api/v1/orders";
      has_more: boolean;
      data: components["schemas"]["Order"][];
    };
    Order: {
      id: string;
      /** @constant */
      object: "order";
      number: number;
      /** @description Id of the customer's order pages (/order/<public_id>). */
      public_id: string;
      /** @enum {string} */
      status: "UNCONFIRMED" | "CONFIRMED" | "SHIPPED" | "DELIVERED" | "HANDED" | "PAID" | "CANCELLED" | "RETURNED" | "DUPLICATE" | "SPAM";
      /** @enum {string} */
      payment_status: "UNPAID" | "PENDING" | "PAID" | "FAILED" | "REFUNDED";
      /** @enum {string} */
      payment_method: "COD" | "COURIER" | "PREPAID";
      shipping_method: ("POST" | "COURIER" | "PICKUP_POINT") | null;
      /**
       * @description ISO 4217 currency code.
       * @example RUB
       */
      currency: string;
      /** @description An amount in minor units of `currency` (kopecks, cents). */
      amount_items: number;
      /** @description An amount in minor units of `currency` (kopecks, cents). */
      amount_discount: number;
      /** @description An amount in minor units of `currency` (kopecks, cents). */
      amount_shipping: number;
      /** @description An amount in minor units of `currency` (kopecks, cents). */
      amount_total: number;
      /** @description Id of the product whose checkout page took the order. */
      product: string;
      items: {
        id: string;
        /** @constant */
        object: "order_item";
        product: string;
        /** @enum {string} */
        kind: "MAIN" | "BUMP" | "UPSELL";
        name: string;
        quantity: number;
        /** @description An amount in minor units of `currency` (kopecks, cents). */
        unit_amount: number;
        /** @description An amount in minor units of `currency` (kopecks, cents). */
        amount: number;
      }[];
      customer: string;
      customer_details: {
        name: string | null;
        phone: string | null;
        email: string | null;
      };
      shipping_address: {
        country: string;
        postcode: string | null;
        province: string | null;
        city: string | null;
        street: string | null;
        house: string | null;
        flat: string | null;
      };
      /** @enum {string} */
      region: "RU" | "CIS" | "WORLD";
      locale: string;
      /** @description The customer's comment. */
      comment: string | null;
      custom_fields: {
        [key: string]: unknown;
      } | null;
      tracking_number: string | null;
      duplicate_of: string | null;
      partner: string | null;
      attribution: {
        sub1: string | null;
        sub2: string | null;
        sub3: string | null;
        sub4: string | null;
        sub5: string | null;
      };
      /** @description checkout, api, admin or import. */
      source: string;
      status_transitions: {
        confirmed_at: string | null;
        shipped_at: string | null;
        delivered_at: string | null;
        handed_at: string | null;
        paid_at: string | null;
        cancelled_at: string | null;
        returned_at: string | null;
      };
      /** @description Every status change and note, oldest first. */
      history: {
        id: string;
        from: ("UNCONFIRMED" | "CONFIRMED" | "SHIPPED" | "DELIVERED" | "HANDED" | "PAID" | "CANCELLED" | "RETURNED" | "DUPLICATE" | "SPAM") | null;
        /** @enum {string} */
        to: "UNCONFIRMED" | "CONFIRMED" | "SHIPPED" | "DELIVERED" | "HANDED" | "PAID" | "CANCELLED" | "RETURNED" | "DUPLICATE" | "SPAM";
        actor: {
          /** @enum {string} */
          type: "CUSTOMER" | "USER" | "PARTNER" | "SYSTEM" | "API_KEY";
          id: string | null;
        };
        /** @description The reason of a move, or the text of a note (from = to). */
        note: string | null;
        /**
         * Format: date-time
         * @description An ISO 8601 instant (UTC).
         */
        created: string;
      }[];
      /**
       * Format: date-time
       * @description An ISO 8601 instant (UTC).
       */
      created: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant (UTC).
       */
      updated: string;
    };
    Error: {
      error: {
        /** @enum {string} */
        type: "invalid_request_error" | "authentication_error" | "permission_error" | "rate_limit_error" | "idempotency_error" | "api_error";
        /** @example parameter_invalid */
        code: string;
        message: string;
        /** @description The parameter the error is about (dotted path for nested ones). */
        param?: string;
        /** @description Every invalid parameter with its messages (validation errors). */
        fields?: {
          [key: string]: string[];
        };
      };
    };
    OrderNote: {
      id: string;
      /** @constant */
      object: "order_note";
      order: string;
      text: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant (UTC).
       */
      created: string;
    };
    ProductList: {
      /** @constant */
      object: "list";
      /** @constant */
      url: "/api/v1/products";
      has_more: boolean;
      data: components["schemas"]["Product"][];
    };
    Product: {
      id: string;
      /** @constant */
      object: "product";
      slug: string;
      name: string;
      description: string | null;
      /** @enum {string} */
      type: "PHYSICAL" | "DIGITAL";
      active: boolean;
      sku: string | null;
      image_url: string | null;
      /**
       * @description ISO 4217 currency code.
       * @example RUB
       */
      currency: string;
      prices: {
        /** @enum {string} */
        region: "RU" | "CIS" | "WORLD";
        /** @description An amount in minor units of `currency` (kopecks, cents). */
        amount: number;
        minimum_amount: number | null;
        compare_at_amount: number | null;
      }[];
      pay_what_you_want: boolean;
      /** @description Units in stock (null: not tracked). */
      stock: number | null;
      /** @description Stock less units reserved by open orders (null: not tracked). */
      available: number | null;
      cod_allowed: boolean;
      /** @description Path of the product's checkout page. */
      checkout_url: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant (UTC).
       */
      created: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant (UTC).
       */
      updated: string;
    };
    CustomerList: {
      /** @constant */
      object: "list";
      /** @constant */
      url: "/api/v1/customers";
      has_more: boolean;
      data: components["schemas"]["Customer"][];
    };
    Customer: {
      id: string;
      /** @constant */
      object: "customer";
      /** @enum {string} */
      type: "PERSON" | "COMPANY";
      name: string | null;
      legal_name: string | null;
      tax_id: string | null;
      website: string | null;
      /** @description The primary phone. */
      phone: string | null;
      /** @description The primary email. */
      email: string | null;
      phones: {
        phone: string;
        normalized: string;
        label: string | null;
        primary: boolean;
      }[];
      emails: {
        email: string;
        normalized: string;
        label: string | null;
        primary: boolean;
      }[];
      addresses: {
        country: string;
        postcode: string | null;
        province: string | null;
        city: string | null;
        street: string | null;
        house: string | null;
        flat: string | null;
        label: string | null;
        default: boolean;
      }[];
      region: ("RU" | "CIS" | "WORLD") | null;
      country: string | null;
      locale: string;
      source: string | null;
      tags: string[];
      notes: string | null;
      orders_count: number;
      paid_orders_count: number;
      /** @description Bought-out (PAID) revenue in the shop's home currency. */
      paid_revenue: {
        /** @description An amount in minor units of `currency` (kopecks, cents). */
        amount: number;
        /** @constant */
        currency: "RUB";
      };
      rfm_segment: string | null;
      abc_class: string | null;
      last_order_at: string | null;
      /** @description Set when this card was merged into another: use that one. */
      merged_into: string | null;
      /**
       * Format: date-time
       * @description An ISO 8601 instant (UTC).
       */
      created: string;
      /**
       * Format: date-time
       * @description An ISO 8601 instant (UTC).
       */
      updated: string;
    };
    PartnerList: {
      /** @constant */
      object: "list";
      /** @constant */
      url: "/api/v1/partners";
      has_more: boolean;
      data: components["schemas"]["Partner"][];
    };
    Partner: {
      id: string;
      /** @constant */
      object: "partner";
      /** @description Used in referral links: /r/<login>. */
      login: string;
      name: string;
      email: string;
      /** @enum {string} */
      status: "PENDING" | "ACTIVE" | "BANNED";
      /** @description Id of the partner who recruited this one (level 1 above). */
      parent: string | null;
      payout_method: string | null;
      email_verified: boolean;
      /**
       * Format: date-time
       * @description An ISO 8601 instant (UTC).
       */
      created: string;
    };
    CommissionList: {
      /** @constant */
      object: "list";
      /** @constant */
      url: "/api/v1/commissions";
      has_more: boolean;
      data: components["schemas"]["Commission"][];
    };
    Commission: {
      id: string;
      /** @constant */
      object: "commission";
      order: string;
      partner: string;
      /** @description 0: the partner of the order; 1: their recruiter; … */
      level: number;
      /** @description An amount in minor units of `currency` (kopecks, cents). */
      amount: number;
      /**
       * @description ISO 4217 currency code.
       * @example RUB
       */
      currency: string;
      rule: {
        /** @enum {string} */
        kind: "FIXED" | "PERCENT";
        /** @description Minor units (FIXED) or basis points (PERCENT). */
        value: number;
      };
      /** @enum {string} */
      trigger: "APPROVAL" | "BUYOUT";
      /** @enum {string} */
      status: "PENDING" | "APPROVED" | "AVAILABLE" | "CANCELLED" | "PAID";
      payout: string | null;
      approved_at: string | null;
      available_at: string | null;
      cancelled_at: string | null;
      paid_at: string | null;
      /**
       * Format: date-time
       * @description An ISO 8601 instant (UTC).
       */
      created: string;
    };
    PayoutList: {
      /** @constant */
      object: "list";
      /** @constant */
      url: "/api/v1/payouts";
      has_more: boolean;
      data: components["schemas"]["Payout"][];
    };
    Payout: {
      id: string;
      /** @constant */
      object: "payout";
      partner: string;
      /** @description An amount in minor units of `currency` (kopecks, cents). */
      amount: number;
      /**
       * @description ISO 4217 currency code.
       * @example RUB
       */
      currency: string;
      /** @enum {string} */
      status: "REQUESTED" | "APPROVED" | "PAID" | "REJECTED";
      method: string | null;
      /** @description The payment's reference, set when paid. */
      reference: string | null;
      /** @description Why it was rejected. */
      reason: string | null;
      /**
       * Format: date-time
       * @description When the partner requested it.
       */
      created: string;
      approved_at: string | null;
      paid_at: string | null;
      rejected_at: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listOrders: {
    parameters: {
      query?: {
        /** @description How many objects to return, 1–100. */
        limit?: number;
        /** @description An object id: returns the objects listed after it (older). */
        starting_after?: string;
        /** @description An object id: returns the objects listed before it (newer). */
        ending_before?: string;
        /** @description Only orders in this status. */
        status?: "UNCONFIRMED" | "CONFIRMED" | "SHIPPED" | "DELIVERED" | "HANDED" | "PAID" | "CANCELLED" | "RETURNED" | "DUPLICATE" | "SPAM";
        /** @description Only orders of this product (id). */
        product?: string;
        /** @description Only orders of this partner (id), or `none` for orders without one. */
        partner?: string;
        /** @description Only orders of this customer (id). */
        customer?: string;
        /** @description Only objects created at or after this instant. */
        "created[gte]"?: string;
        /** @description Only objects created before this instant. */
        "created[lt]"?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OrderList"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createOrder: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the POST safe to retry: for 24 hours a repeat with the same key and body returns the first answer (header `Idempotent-Replayed: true`); the same key with another body is refused (422). */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["OrderCreate"];
      };
    };
    responses: {
      /** @description The order this Idempotency-Key already placed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Order"];
        };
      };
      /** @description Created */
      201: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Order"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getOrder: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Order"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  changeOrderStatus: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the POST safe to retry: for 24 hours a repeat with the same key and body returns the first answer (header `Idempotent-Replayed: true`); the same key with another body is refused (422). */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The object's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["OrderStatusChange"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Order"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  setOrderTrackingNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the POST safe to retry: for 24 hours a repeat with the same key and body returns the first answer (header `Idempotent-Replayed: true`); the same key with another body is refused (422). */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The object's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["OrderTracking"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Order"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  addOrderNote: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the POST safe to retry: for 24 hours a repeat with the same key and body returns the first answer (header `Idempotent-Replayed: true`); the same key with another body is refused (422). */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The object's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["OrderNoteCreate"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OrderNote"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listProducts: {
    parameters: {
      query?: {
        /** @description How many objects to return, 1–100. */
        limit?: number;
        /** @description An object id: returns the objects listed after it (older). */
        starting_after?: string;
        /** @description An object id: returns the objects listed before it (newer). */
        ending_before?: string;
        /** @description Only active (true) or inactive (false) products. */
        active?: "true" | "false";
        /** @description Only objects created at or after this instant. */
        "created[gte]"?: string;
        /** @description Only objects created before this instant. */
        "created[lt]"?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ProductList"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getProduct: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Product"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listCustomers: {
    parameters: {
      query?: {
        /** @description How many objects to return, 1–100. */
        limit?: number;
        /** @description An object id: returns the objects listed after it (older). */
        starting_after?: string;
        /** @description An object id: returns the objects listed before it (newer). */
        ending_before?: string;
        /** @description Only the customer with this email (any of their emails; compared normalised). */
        email?: string;
        /** @description Only the customer with this phone (any formatting; compared normalised, Russia by default). */
        phone?: string;
        tag?: string;
        /** @description Only objects created at or after this instant. */
        "created[gte]"?: string;
        /** @description Only objects created before this instant. */
        "created[lt]"?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CustomerList"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createCustomer: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the POST safe to retry: for 24 hours a repeat with the same key and body returns the first answer (header `Idempotent-Replayed: true`); the same key with another body is refused (422). */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CustomerCreate"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getCustomer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  updateCustomer: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the POST safe to retry: for 24 hours a repeat with the same key and body returns the first answer (header `Idempotent-Replayed: true`); the same key with another body is refused (422). */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The object's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CustomerUpdate"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Customer"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listPartners: {
    parameters: {
      query?: {
        /** @description How many objects to return, 1–100. */
        limit?: number;
        /** @description An object id: returns the objects listed after it (older). */
        starting_after?: string;
        /** @description An object id: returns the objects listed before it (newer). */
        ending_before?: string;
        status?: "PENDING" | "ACTIVE" | "BANNED";
        /** @description Only partners recruited by this partner. */
        parent?: string;
        /** @description Only objects created at or after this instant. */
        "created[gte]"?: string;
        /** @description Only objects created before this instant. */
        "created[lt]"?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PartnerList"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPartner: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Partner"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listCommissions: {
    parameters: {
      query?: {
        /** @description How many objects to return, 1–100. */
        limit?: number;
        /** @description An object id: returns the objects listed after it (older). */
        starting_after?: string;
        /** @description An object id: returns the objects listed before it (newer). */
        ending_before?: string;
        partner?: string;
        order?: string;
        status?: "PENDING" | "APPROVED" | "AVAILABLE" | "CANCELLED" | "PAID";
        /** @description Only objects created at or after this instant. */
        "created[gte]"?: string;
        /** @description Only objects created before this instant. */
        "created[lt]"?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CommissionList"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getCommission: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The object's id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Commission"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listPayouts: {
    parameters: {
      query?: {
        /** @description How many objects to return, 1–100. */
        limit?: number;
        /** @description An object id: returns the objects listed after it (older). */
        starting_after?: string;
        /** @description An object id: returns the objects listed before it (newer). */
        ending_before?: string;
        partner?: string;
        status?: "REQUESTED" | "APPROVED" | "PAID" | "REJECTED";
        /** @description Only objects created at or after this instant. */
        "created[gte]"?: string;
        /** @description Only objects created before this instant. */
        "created[lt]"?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description Id of this request (quote it to support). */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PayoutList"];
        };
      };
      /** @description The body is not JSON, or the request is malformed. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No API key, or an invalid or revoked one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key lacks the operation's scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such object. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The object's state does not allow it (e.g. a status move the transition table refuses), or the Idempotency-Key's first request is still running. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid parameters (`param` names the first), or an Idempotency-Key reused with a different body (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests with this key: retry after the `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
}
