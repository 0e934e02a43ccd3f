// A new mailing: the editor, empty. Saving makes a draft and opens it (preview, test send, start).
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { MailingEditor } from "@/components/marketing/mailings/mailing-editor";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clientMessages } from "@/lib/i18n/client-messages";
import { saveMailingAction } from "../actions";
import { editorOptions, NEW_MAILING } from "../editor-options";

export default async function NewMailingPage() {
  const staff = await requireStaffPage(sectionRoles("mailings"), "/admin/mailings/new");
  const [t, options, messages] = await Promise.all([getTranslations("mailings"), editorOptions({ id: staff.id, role: staff.role }), clientMessages(["mailings"])]);
  return (
    <>
      <PageHeader title={t("new")} />
      <section className="card">
        <NextIntlClientProvider messages={messages}>
          <MailingEditor action={saveMailingAction} values={NEW_MAILING} options={options} />
        </NextIntlClientProvider>
      </section>
    </>
  );
}
