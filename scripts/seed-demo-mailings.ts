// Demo mailings: one that went out last week to every customer with an address (statistics:
// sent, one failure, one unsubscribe through its link) and a draft to the partners.
import type { DbTransaction } from "@/lib/db";
import { type Prisma } from "@/lib/db";
import { audienceSql, EVERY_CUSTOMER } from "@/lib/marketing/mailings/mailing-audience";

const DAY_MS = 86_400_000;

export async function seedDemoMailings(tx: DbTransaction, ownerId: string) {
  const sentAt = new Date(Date.now() - 6 * DAY_MS);
  const sent = await tx.mailing.create({
    data: {
      name: "Осенняя распродажа",
      subject: "Осенняя распродажа: часы со скидкой до 30 %",
      body: "## Скидки до 30 %\n\nДо конца недели **все часы** — со скидкой. Оплата при получении, доставка по всей России.\n\n[Выбрать часы](http://localhost:3000/checkout/casio-g-shock)",
      subjectEn: "Autumn sale: watches up to 30 % off",
      bodyEn: "## Up to 30 % off\n\nUntil the end of the week **every watch** is on sale. Cash on delivery.\n\n[Choose a watch](http://localhost:3000/checkout/casio-g-shock)",
      audience: EVERY_CUSTOMER as Prisma.InputJsonValue,
      ratePerSecond: 50,
      status: "SENT",
      startedAt: sentAt,
      finishedAt: new Date(sentAt.getTime() + 60_000),
      createdById: ownerId,
      createdAt: new Date(sentAt.getTime() - DAY_MS),
    },
    select: { id: true },
  });
  const recipients = await tx.$executeRaw`
    INSERT INTO "MailingRecipient" (id, "mailingId", "customerId", "partnerId", email, name, locale, status, "sentAt", attempts, "claimedAt")
    SELECT 'mr' || substr(md5(${sent.id} || a.email), 1, 23), ${sent.id}, a."customerId", a."partnerId", a.email, a.name, a.locale, 'SENT', ${sentAt}, 1, ${sentAt}
    FROM (${audienceSql(EVERY_CUSTOMER)}) a`;
  // One address bounced, one reader unsubscribed through the mailing's link.
  const [failed, unsubscribed] = await tx.$queryRaw<{ id: string; email: string; customerId: string | null }[]>`
    SELECT id, email, "customerId" FROM "MailingRecipient" WHERE "mailingId" = ${sent.id} ORDER BY email LIMIT 2`;
  if (failed) await tx.mailingRecipient.update({ where: { id: failed.id }, data: { status: "FAILED", sentAt: null, error: "550 5.1.1 Mailbox does not exist" } });
  if (unsubscribed)
    await tx.unsubscribe.create({
      data: { email: unsubscribed.email, customerId: unsubscribed.customerId, mailingId: sent.id, reason: "link", createdAt: new Date(sentAt.getTime() + DAY_MS) },
    });
  await tx.mailing.update({ where: { id: sent.id }, data: { recipientsCount: recipients, sentCount: recipients - (failed ? 1 : 0), failedCount: failed ? 1 : 0 } });

  await tx.mailing.create({
    data: {
      name: "Новые промо-материалы для партнёров",
      subject: "Новые баннеры и лендинги",
      body: "Добрый день!\n\nВ кабинете появились новые баннеры для **Casio G-SHOCK** и лендинг под мобильный трафик.\n\n[Открыть кабинет](http://localhost:3000/partner/materials)",
      audience: { kind: "partners" },
      ratePerSecond: 20,
      createdById: ownerId,
    },
  });
}
