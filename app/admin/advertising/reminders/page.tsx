// /admin/advertising/reminders: the order-reminder rules (unconfirmed, unpaid, not picked up),
// each with its form, and a form for a new one. The worker sends what falls due every minute.
import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ReminderRuleForm } from "@/components/admin/advertising/reminder-rule-form";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { listReminderRules } from "@/lib/marketing/reminders/list-reminder-rules";
import { saveReminderRuleAction } from "./actions";

export default async function RemindersPage() {
  const actor = await requireStaffPage(sectionRoles("advertising"), "/admin/advertising/reminders");
  const [t, { rules, products }] = await Promise.all([getTranslations("adminReminders"), listReminderRules(actor)]);
  return (
    <NextIntlClientProvider messages={await clientMessages(["adminReminders"])}>
      <PageHeader title={t("title")} />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("lead")}</p>
      <div className="flex max-w-4xl flex-col gap-5">
        {rules.map((rule) => (
          <ReminderRuleForm key={rule.id} rule={rule} products={products} action={saveReminderRuleAction} />
        ))}
        <ReminderRuleForm key={`new-${rules.length}`} rule={null} products={products} action={saveReminderRuleAction} />
      </div>
    </NextIntlClientProvider>
  );
}
