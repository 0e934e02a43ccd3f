// Props of every template as a caller would pass them; shared by the unit and integration tests.
import type { MailProps, MailTemplate } from "./render";

const APP = "http://localhost:3000";

export const mailFixtures: { [Template in MailTemplate]: MailProps<Template> } = {
  "order-confirm": {
    orderNumber: "1042",
    currency: "RUB",
    items: [
      { name: "DIESEL: «Хищник» (с LED подсветкой)", quantity: 1, amount: 129000 }, // 1,290.00 RUB
      { name: "Casio G-SHOCK", options: "Black", quantity: 2, amount: 390000 }, // 2 × 1,950.00 RUB
    ],
    itemsTotal: 519000, // 5,190.00 RUB
    discount: 10000, // 100.00 RUB
    shipping: 35000, // 350.00 RUB
    total: 544000, // 5,440.00 RUB
    customerName: "Иван",
    confirmUrl: `${APP}/order/confirm/tok_confirm_123`,
    expiresAt: "2025-12-03T11:00:00.000Z", // 14:00 in Moscow
  },
  "order-accepted": {
    orderNumber: "1043",
    currency: "USD",
    items: [{ name: "Casio G-SHOCK", quantity: 1, amount: 6500 }], // 65.00 USD
    total: 6500, // 65.00 USD
    paymentMethod: "COD",
    orderUrl: `${APP}/order/1043`,
  },
  "order-new-shop-notice": {
    orderNumber: "1044",
    currency: "RUB",
    items: [{ name: "ROLEX DAYTONA (механические)", quantity: 1, amount: 245000 }], // 2,450.00 RUB
    total: 245000, // 2,450.00 RUB
    customer: { name: "Пётр Петров", phone: "+7 900 123-45-67", email: "petr@example.com" },
    address: "101000, Москва, Тверская ул., д. 1, кв. 2",
    paymentMethod: "COD",
    confirmation: "EMAIL_LINK",
    adminOrderUrl: `${APP}/admin/orders/ord_1044`,
  },
  "digital-purchase": {
    orderNumber: "1045",
    currency: "RUB",
    items: [{ name: "Курс «Часовое дело»", quantity: 2, amount: 198000 }], // 2 × 990.00 RUB
    total: 198000, // 1,980.00 RUB
    customerName: "Ольга",
    downloadUrl: `${APP}/order/download/tok_download_321`,
    expiresAt: "2025-12-03T11:00:00.000Z", // 14:00 in Moscow
    files: [
      { name: "lesson-1.pdf", sizeBytes: 1_572_864 }, // 1.5 MB
      { name: "Урок 2.mp4", sizeBytes: 52_428_800 }, // 50 MB
    ],
    downloadsPerFile: 10,
    pinCodes: [{ product: "Курс «Часовое дело»", codes: ["AAAA-1111", "BBBB-2222"] }],
  },
  "partner-welcome": {
    name: "Anna",
    login: "anna1",
    password: "Xq7-pL2m-Rt9z",
    signInUrl: `${APP}/partner/signin`,
    confirmEmailUrl: `${APP}/partners/confirm-email/tok_email_456`,
  },
  "partner-approved": {
    name: "Anna",
    login: "anna1",
    signInUrl: `${APP}/partners/signin`,
  },
  "password-reset": {
    resetUrl: `${APP}/reset-password/tok_reset_789`,
    expiresAt: new Date("2025-12-03T11:00:00.000Z"),
  },
  "employee-invite": {
    name: "Ольга",
    inviterName: "Анна",
    acceptUrl: `${APP}/invite/tok_invite_321`,
    expiresAt: new Date("2025-12-10T11:00:00.000Z"),
  },
  "task-due": {
    name: "Мария",
    title: "Перезвонить по заказу",
    kind: "CALL",
    description: "Уточнить адрес доставки",
    dueAt: "2025-12-03T11:00:00.000Z", // 14:00 in Moscow
    customerName: "Иван Петров",
    orderNumber: "1046",
    taskUrl: `${APP}/admin/tasks?task=task_1`,
  },
  "order-updated": {
    orderNumber: "1047",
    currency: "RUB",
    items: [
      { name: "Casio G-SHOCK", quantity: 1, amount: 390000 }, // 3,900.00 RUB
      { name: "Ремешок", quantity: 1, amount: 49000 }, // 490.00 RUB
    ],
    total: 439000, // 4,390.00 RUB
    customerName: "Иван",
    addedItem: "Ремешок",
    paymentMethod: "COD",
    orderUrl: `${APP}/order/1047`,
  },
  "order-reminder": {
    kind: "NOT_PICKED_UP",
    orderNumber: "1048",
    currency: "RUB",
    items: [{ name: "Casio G-SHOCK", quantity: 1, amount: 390000 }], // 3,900.00 RUB
    total: 390000, // 3,900.00 RUB
    customerName: "Иван",
    actionUrl: `${APP}/order/1048`,
    trackingNumber: "RA123456789RU",
  },
  message: {
    subject: "Скидка 10% до пятницы",
    paragraphs: ["Первый абзац рассылки.", "Второй абзац."],
    action: { label: "В магазин", url: `${APP}/checkout/casio` },
    unsubscribeUrl: `${APP}/unsubscribe/tok_unsub`,
  },
  mailing: {
    subject: "Осенняя распродажа",
    markdown: "## Скидки до 30 %\n\nТолько до пятницы: [в магазин](http://localhost:3000/checkout/casio).",
    unsubscribeUrl: `${APP}/unsubscribe/tok_mailing`,
  },
};

/** The link each fixture must carry in both parts. */
export const fixtureLinks: { [Template in MailTemplate]: string[] } = {
  "order-confirm": [`${APP}/order/confirm/tok_confirm_123`],
  "order-accepted": [`${APP}/order/1043`],
  "order-new-shop-notice": [`${APP}/admin/orders/ord_1044`],
  "digital-purchase": [`${APP}/order/download/tok_download_321`],
  "partner-welcome": [`${APP}/partner/signin`, `${APP}/partners/confirm-email/tok_email_456`],
  "partner-approved": [`${APP}/partners/signin`],
  "password-reset": [`${APP}/reset-password/tok_reset_789`],
  "employee-invite": [`${APP}/invite/tok_invite_321`],
  "task-due": [`${APP}/admin/tasks?task=task_1`],
  "order-updated": [`${APP}/order/1047`],
  "order-reminder": [`${APP}/order/1048`],
  message: [`${APP}/checkout/casio`, `${APP}/unsubscribe/tok_unsub`],
  mailing: [`${APP}/checkout/casio`, `${APP}/unsubscribe/tok_mailing`],
};
