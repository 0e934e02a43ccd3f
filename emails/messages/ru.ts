// Russian texts of the emails: one table per template plus the shared parts. The English
// table (en.ts) must have exactly this shape; TypeScript checks it.

export const ru = {
  layout: {
    // Used when the caller passes no shop name (the product's brand is Lavka).
    defaultShopName: "Lavka",
    footer: (shopName: string) => `Это письмо отправил магазин «${shopName}».`,
    automatic: "Письмо отправлено автоматически — отвечать на него не нужно.",
    support: "Вопросы? Напишите нам:",
    buttonFallback: "Если кнопка не работает, скопируйте ссылку в адресную строку браузера:",
    unsubscribe: "Отписаться от рассылки",
  },
  common: {
    greeting: (name: string | undefined) => (name ? `Здравствуйте, ${name}!` : "Здравствуйте!"),
    expiresAt: (dateTime: string) => `Ссылка действует до ${dateTime}.`,
  },
  order: {
    item: "Товар",
    quantity: "Кол-во",
    amount: "Сумма",
    quantityValue: (quantity: number) => `${quantity} шт.`,
    itemsTotal: "Товары",
    discount: "Скидка",
    shipping: "Доставка",
    total: "Итого",
    paymentMethodLabel: "Способ оплаты",
    paymentMethods: {
      COD: "Наложенный платёж (оплата при получении)",
      COURIER: "Наличными курьеру",
      PREPAID: "Оплачено картой",
    },
  },
  "order-confirm": {
    subject: (orderNumber: string) => `Подтвердите заказ №${orderNumber}`,
    preview: "Нажмите на кнопку в письме, чтобы мы отправили заказ.",
    heading: (orderNumber: string) => `Подтвердите заказ №${orderNumber}`,
    intro: "Спасибо за заказ! Чтобы мы начали его собирать, подтвердите, что заказ сделали вы.",
    button: "Подтвердить заказ",
    ignore: "Если вы не оформляли этот заказ, просто не обращайте внимания на письмо: без подтверждения он не будет отправлен.",
  },
  "order-accepted": {
    subject: (orderNumber: string) => `Заказ №${orderNumber} принят`,
    preview: "Мы получили ваш заказ и скоро его отправим.",
    heading: (orderNumber: string) => `Ваш заказ №${orderNumber} принят`,
    intro: "Спасибо за заказ! Мы соберём и отправим его в ближайшее время, а номер для отслеживания пришлём отдельным письмом.",
    button: "Посмотреть заказ",
  },
  "order-new-shop-notice": {
    subject: (orderNumber: string) => `Новый заказ №${orderNumber}`,
    preview: "В магазине новый заказ.",
    heading: (orderNumber: string) => `Новый заказ №${orderNumber}`,
    customer: "Покупатель",
    phone: "Телефон",
    email: "Эл. почта",
    address: "Адрес",
    comment: "Комментарий",
    confirmation: {
      EMAIL_LINK: "Ждёт подтверждения покупателем по ссылке из письма.",
      OPERATOR: "Ждёт подтверждения оператором по телефону.",
      NONE: "Подтверждён автоматически.",
    },
    button: "Открыть заказ",
  },
  "partner-welcome": {
    subject: (shopName: string) => `Добро пожаловать в партнёрскую программу «${shopName}»`,
    preview: "Ваш логин и пароль для входа в кабинет партнёра.",
    heading: "Вы зарегистрированы как партнёр",
    intro: "Спасибо за регистрацию! Вот данные для входа в кабинет партнёра:",
    login: "Логин",
    password: "Пароль",
    changePassword: "Сохраните пароль в надёжном месте; сменить его можно в кабинете.",
    confirmEmail: "Подтвердите адрес эл. почты — без этого выплаты недоступны:",
    confirmEmailButton: "Подтвердить эл. почту",
    awaitingApproval: "Заявка ждёт одобрения владельцем магазина; мы напишем, когда кабинет станет доступен.",
    signInButton: "Войти в кабинет",
  },
  "password-reset": {
    subject: "Сброс пароля",
    preview: "Ссылка для задания нового пароля.",
    heading: "Сброс пароля",
    intro: "Мы получили запрос на сброс пароля. Чтобы задать новый пароль, нажмите на кнопку:",
    button: "Задать новый пароль",
    ignore: "Если вы не запрашивали сброс, ничего делать не нужно: пароль останется прежним.",
  },
};

export type EmailMessages = typeof ru;
