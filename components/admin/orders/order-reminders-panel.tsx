// The admin order page's reminder log: each reminder the order was sent (rule, repeat, when) and
// where its mail stands. A server component: the order page has authorised the order already.
import { getFormatter, getTranslations } from "next-intl/server";
import { listOrderReminders } from "@/lib/marketing/reminders/list-order-reminders";
import { SHOP_TIME_ZONE } from "@/lib/reports/resolve-period";

export async function OrderRemindersPanel({ orderId }: { orderId: string }) {
  const [reminders, t, format] = await Promise.all([listOrderReminders(orderId), getTranslations("adminReminders.orderLog"), getFormatter()]);
  return (
    <section className="card" aria-labelledby="reminders-title" data-testid="order-reminders">
      <h2 id="reminders-title" className="mb-3 text-base font-semibold">
        {t("title")}
      </h2>
      {reminders.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-2 text-sm">
          {reminders.map((reminder) => (
            <li key={reminder.id} className="flex flex-wrap justify-between gap-2">
              <span>
                {reminder.ruleName}
                {reminder.repeat > 0 ? <span className="text-slate-500"> · {t("repeat", { number: reminder.repeat })}</span> : null}
              </span>
              <span className="text-slate-600">
                {format.dateTime(new Date(reminder.sentAt), { dateStyle: "medium", timeStyle: "short", timeZone: SHOP_TIME_ZONE })} · {t(`mail.${reminder.mailStatus ?? "QUEUED"}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
