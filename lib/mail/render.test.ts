import { describe, expect, it } from "vitest";
import { EMAIL_TEMPLATE_NAMES } from "@/emails";
import { LOCALES } from "@/lib/i18n/locales";
import { renderMail } from "./render";
import { fixtureLinks, mailFixtures } from "./test-fixtures";

// Intl puts (narrow) no-break spaces into numbers and dates; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const render = (template: (typeof EMAIL_TEMPLATE_NAMES)[number], locale: (typeof LOCALES)[number]) =>
  // The fixtures table is keyed by template, so each entry matches its template's props.
  renderMail(template, mailFixtures[template] as never, locale);

const expectedSubjects = {
  "order-confirm": { ru: "Подтвердите заказ №1042", en: "Please confirm your order #1042" },
  "order-accepted": { ru: "Заказ №1043 принят", en: "Your order #1043 is accepted" },
  "order-new-shop-notice": { ru: "Новый заказ №1044", en: "New order #1044" },
  "digital-purchase": { ru: "Ваша покупка: заказ №1045", en: "Your purchase: order #1045" },
  "partner-welcome": { ru: "Добро пожаловать в партнёрскую программу «Lavka»", en: "Welcome to the Lavka partner program" },
  "partner-approved": { ru: "Ваша заявка в партнёрскую программу «Lavka» одобрена", en: "Your Lavka partner application is approved" },
  "password-reset": { ru: "Сброс пароля", en: "Reset your password" },
  "employee-invite": { ru: "Приглашение в панель управления магазином", en: "You are invited to the shop's admin panel" },
  "task-due": { ru: "Пора выполнить задачу: Перезвонить по заказу", en: "Task due: Перезвонить по заказу" },
  "order-updated": { ru: "Заказ №1047 обновлён", en: "Your order #1047 was updated" },
  "order-reminder": { ru: "Посылка с заказом №1048 ждёт вас", en: "Your parcel #1048 is waiting for you" },
  message: { ru: "Скидка 10% до пятницы", en: "Скидка 10% до пятницы" },
  mailing: { ru: "Осенняя распродажа", en: "Осенняя распродажа" },
} as const;

describe.each(EMAIL_TEMPLATE_NAMES)("template %s", (template) => {
  it.each(LOCALES)("renders in %s: localized subject, html and text with every link", async (locale) => {
    const mail = await render(template, locale);
    expect(mail.subject).toBe(expectedSubjects[template][locale]);
    expect(mail.html).toMatch(/^<!DOCTYPE html/);
    expect(mail.html).toContain(`lang="${locale}"`);
    expect(mail.text.length).toBeGreaterThan(50);
    expect(mail.text).not.toMatch(/<[a-z]/i); // no markup in the text part
    for (const link of fixtureLinks[template]) {
      expect(mail.html).toContain(`href="${link}"`);
      expect(mail.text).toContain(link);
    }
  });

  it("says different things in ru and en (no untranslated component strings)", async () => {
    const [ru, en] = await Promise.all([render(template, "ru"), render(template, "en")]);
    expect(ru.text).not.toBe(en.text);
  });
});

describe("order-confirm", () => {
  it("formats money from minor units in the reader's locale", async () => {
    const ru = plain((await render("order-confirm", "ru")).text);
    expect(ru).toContain("1 290,00 ₽"); // 129000 RUB
    expect(ru).toContain("3 900,00 ₽"); // 390000 RUB
    expect(ru).toContain("-100,00 ₽"); // discount 10000 RUB
    expect(ru).toContain("5 440,00 ₽"); // total 544000 RUB
    const en = plain((await render("order-confirm", "en")).text);
    expect(en).toContain("RUB 1,290.00");
    expect(en).toContain("RUB 5,440.00");
  });

  it("shows the expiry in the shop's time zone, named", async () => {
    expect(plain((await render("order-confirm", "ru")).text)).toContain("3 декабря 2025 г. в 14:00 GMT+3");
    expect(plain((await render("order-confirm", "en")).text)).toContain("December 3, 2025 at 02:00 PM GMT+3");
  });

  it("uses another time zone when given one", async () => {
    const mail = await renderMail("order-confirm", { ...mailFixtures["order-confirm"], timeZone: "Asia/Almaty" }, "en");
    expect(plain(mail.text)).toContain("December 3, 2025 at 04:00 PM GMT+5");
  });

  it("prints the button's link once in the text part", async () => {
    const { text } = await render("order-confirm", "en");
    expect(text.split(mailFixtures["order-confirm"].confirmUrl).length - 1).toBe(1);
    expect(text).toContain(`Confirm my order ${mailFixtures["order-confirm"].confirmUrl}`);
  });

  it("includes the product's own text, paragraph by paragraph, escaped", async () => {
    const mail = await renderMail("order-confirm", { ...mailFixtures["order-confirm"], customText: "Часы <b>в подарочной</b> коробке.\n\nДоставка 3–5 дней." }, "ru");
    expect(mail.html).toContain("Часы &lt;b&gt;в подарочной&lt;/b&gt; коробке.");
    expect(mail.text).toContain("Часы <b>в подарочной</b> коробке.\n\nДоставка 3–5 дней.");
  });

  it("takes the product's own subject when the merchant wrote one", async () => {
    const mail = await renderMail("order-confirm", { ...mailFixtures["order-confirm"], customSubject: "Ваши часы ждут подтверждения" }, "ru");
    expect(mail.subject).toBe("Ваши часы ждут подтверждения");
    await expect(renderMail("order-confirm", { ...mailFixtures["order-confirm"], customSubject: "Two\nlines" }, "ru")).rejects.toThrow(/customSubject/);
  });

  it("formats currencies without minor units", async () => {
    const mail = await renderMail(
      "order-confirm",
      {
        ...mailFixtures["order-confirm"],
        currency: "JPY",
        items: [{ name: "Casio", quantity: 1, amount: 9800 }],
        itemsTotal: undefined,
        discount: undefined,
        shipping: undefined,
        total: 9800,
      }, // 9,800 JPY
      "en",
    );
    expect(mail.text).toContain("¥9,800");
  });
});

describe("other templates", () => {
  it("order-accepted replaces the generic thank-you with the product's text", async () => {
    const mail = await renderMail("order-accepted", { ...mailFixtures["order-accepted"], customText: "Thanks for choosing our watches!" }, "en");
    expect(mail.text).toContain("Thanks for choosing our watches!");
    expect(mail.text).not.toContain("We will pack and ship it soon");
  });

  it("order-accepted names the payment method", async () => {
    expect((await render("order-accepted", "ru")).text).toContain("Наложенный платёж");
    expect((await render("order-accepted", "en")).text).toContain("Cash on delivery");
    expect(plain((await render("order-accepted", "en")).text)).toContain("$65.00"); // 6500 USD
  });

  it("order-new-shop-notice shows the customer and that confirmation is pending", async () => {
    const { text } = await render("order-new-shop-notice", "ru");
    expect(text).toContain("Пётр Петров");
    expect(text).toContain("+7 900 123-45-67");
    expect(text).toContain("Ждёт подтверждения покупателем");
    expect(plain(text)).toContain("2 450,00 ₽"); // 245000 RUB
  });

  it("partner-welcome carries the login and the generated password", async () => {
    const { text, html } = await render("partner-welcome", "en");
    expect(text).toContain("Login: anna1");
    expect(text).toContain("Password: Xq7-pL2m-Rt9z");
    expect(html).toContain("Xq7-pL2m-Rt9z");
    expect(text).not.toContain("approval");
    const pending = await renderMail("partner-welcome", { ...mailFixtures["partner-welcome"], awaitingApproval: true }, "en");
    expect(pending.text).toContain("awaits the shop owner's approval");
  });

  it("partner-approved carries the login and the sign-in link, never a password", async () => {
    const { text } = await render("partner-approved", "en");
    expect(text).toContain("Your login: anna1");
    expect(text).toContain("your partner cabinet is open");
    expect(text).not.toMatch(/password/i);
  });

  it("partner-welcome's subject and header use the shop's name when given", async () => {
    const mail = await renderMail("partner-welcome", { ...mailFixtures["partner-welcome"], shop: { name: "Часовой двор", url: "https://shop.example" } }, "ru");
    expect(mail.subject).toBe("Добро пожаловать в партнёрскую программу «Часовой двор»");
    expect(mail.html).toContain('href="https://shop.example"');
  });

  it("digital-purchase lists the files with sizes, the download limit and every pin code", async () => {
    const ru = plain((await render("digital-purchase", "ru")).text);
    expect(ru).toContain("lesson-1.pdf — 1,5 МБ");
    expect(ru).toContain("Урок 2.mp4 — 50 МБ");
    expect(ru).toContain("до 10 раз");
    expect(ru).toContain("AAAA-1111");
    expect(ru).toContain("BBBB-2222");
    expect(ru).toContain("3 декабря 2025 г. в 14:00 GMT+3");
    expect(ru).not.toContain("закончилась");
    const en = await renderMail("digital-purchase", { ...mailFixtures["digital-purchase"], pinCodesMissing: true, files: [] }, "en");
    expect(en.text).toContain("Some codes ran out");
    expect(en.text).not.toContain("downloaded up to");
    expect(en.html).toContain("AAAA-1111");
  });

  it("message exposes its unsubscribe link for the List-Unsubscribe header", async () => {
    const mail = await render("message", "ru");
    expect(mail.unsubscribeUrl).toBe(fixtureLinks.message[1]);
    expect(mail.text).toContain("Отписаться от рассылки");
    expect((await render("order-confirm", "ru")).unsubscribeUrl).toBeUndefined();
  });
});

describe("props validation", () => {
  it("refuses links that are not http(s)", async () => {
    await expect(renderMail("password-reset", { ...mailFixtures["password-reset"], resetUrl: "javascript:alert(1)" }, "en")).rejects.toThrow(/resetUrl/);
  });

  it("refuses money that is not integer minor units", async () => {
    await expect(renderMail("order-accepted", { ...mailFixtures["order-accepted"], total: 65.5 }, "en")).rejects.toThrow(/total/);
    await expect(renderMail("order-accepted", { ...mailFixtures["order-accepted"], currency: "dollars" }, "en")).rejects.toThrow(/currency/);
  });

  it("refuses an unknown time zone and a malformed date", async () => {
    await expect(renderMail("password-reset", { ...mailFixtures["password-reset"], timeZone: "Mars/Base" }, "en")).rejects.toThrow(/timeZone/);
    await expect(renderMail("password-reset", { ...mailFixtures["password-reset"], expiresAt: "tomorrow" }, "en")).rejects.toThrow(/expiresAt/);
  });
});

describe("task-due", () => {
  it("names the task, its due time in the shop's zone and what it is about, in the reader's language", async () => {
    const ru = plain((await render("task-due", "ru")).text);
    expect(ru).toContain("Звонок: Перезвонить по заказу");
    expect(ru).toContain("Срок: 3 декабря 2025 г. в 14:00 GMT+3");
    expect(ru).toContain("Заказ: №1046");
    const en = plain((await render("task-due", "en")).text);
    expect(en).toContain("Call: Перезвонить по заказу");
    expect(en).toContain("Customer: Иван Петров");
  });
});
