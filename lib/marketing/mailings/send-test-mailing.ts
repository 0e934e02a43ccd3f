// A test send of a mailing (draft or not) to an address the employee types, in the locale they
// pick, through the ordinary mail path (lib/mail: logged, captured or SMTP). Its unsubscribe link
// points at a sample page that changes nothing, and the suppression list does not apply: the
// tester asked for it.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { TSectionActor } from "@/lib/auth/section-actor";
import { shopInfo } from "@/lib/checkout/order-mails";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locales";
import { sendMail } from "@/lib/mail/send-mail";
import { getShopSettings } from "@/lib/settings/get-shop-settings";
import { assertMailingActor } from "./mailing-access";
import { mailingTextsFor } from "./render-mailing";

export const ZTestSend = z.object({
  to: z.email({ error: "mailings.errors.testAddressInvalid" }).max(254, { error: "mailings.errors.testAddressInvalid" }),
  locale: z.enum(LOCALES),
});

export async function sendTestMailing(mailingId: string, input: z.input<typeof ZTestSend>, actor: TSectionActor): Promise<void> {
  assertMailingActor(actor);
  const { to, locale } = ZTestSend.parse(input);
  const mailing = await db.mailing.findUnique({ where: { id: mailingId }, select: { subject: true, body: true, subjectEn: true, bodyEn: true } });
  if (!mailing) throw new AppError("NOT_FOUND", "Mailing not found");
  const texts = mailingTextsFor(mailing, locale);
  await sendMail({
    idempotencyKey: `mailing:${mailingId}:test:${randomUUID()}`,
    to,
    locale: texts.locale,
    template: "mailing",
    props: {
      shop: shopInfo(await getShopSettings()),
      subject: texts.subject,
      markdown: texts.markdown,
      unsubscribeUrl: `${getEnv().APP_URL}/unsubscribe/test`,
    },
  });
}
