// "Your task is due": sent once to the employee responsible for a CRM task when its due time
// comes (lib/crm/tasks/send-task-reminders.ts), in the employee's language, with a link to it.
import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/layout";
import { styles } from "./components/styles";
import { formatEmailDateTime } from "./format";
import { getEmailMessages, type EmailMessages } from "./messages";
import { DEFAULT_EMAIL_TIME_ZONE, ZHttpUrl, ZInstant, ZPlainText, ZTimeZone } from "./schemas";

export const ZTaskDueProps = z.object({
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(200),
  kind: z.enum(["CALL", "MEETING", "OTHER"]),
  description: ZPlainText.optional(),
  dueAt: ZInstant,
  timeZone: ZTimeZone.default(DEFAULT_EMAIL_TIME_ZONE),
  customerName: z.string().trim().min(1).max(300).optional(),
  orderNumber: z.string().trim().min(1).max(64).optional(),
  dealTitle: z.string().trim().min(1).max(300).optional(),
  /** The task in the admin (`/admin/tasks?task=<id>` on APP_URL). */
  taskUrl: ZHttpUrl,
});
export type TTaskDueProps = z.output<typeof ZTaskDueProps>;

export const taskDueSubject = (props: TTaskDueProps, messages: EmailMessages) => messages["task-due"].subject(props.title);

export function TaskDueEmail({ locale, ...props }: TTaskDueProps & { locale: Locale }) {
  const messages = getEmailMessages(locale);
  const texts = messages["task-due"];
  const about = [
    props.customerName ? `${texts.customer}: ${props.customerName}` : null,
    props.orderNumber ? `${texts.order}: №${props.orderNumber}` : null,
    props.dealTitle ? `${texts.deal}: ${props.dealTitle}` : null,
  ].filter((line): line is string => line !== null);
  return (
    <EmailLayout locale={locale} preview={texts.preview(props.title)}>
      <Heading as="h1" style={styles.heading}>
        {texts.heading}
      </Heading>
      <Text style={styles.text}>{messages.common.greeting(props.name)}</Text>
      <Text style={styles.text}>
        {texts.kinds[props.kind]}: <strong>{props.title}</strong>
      </Text>
      <Text style={styles.text}>{texts.dueAt(formatEmailDateTime(props.dueAt, locale, props.timeZone))}</Text>
      {about.map((line) => (
        <Text key={line} style={styles.text}>
          {line}
        </Text>
      ))}
      {props.description ? <Text style={styles.muted}>{props.description}</Text> : null}
      <ActionButton href={props.taskUrl} label={texts.button} locale={locale} />
    </EmailLayout>
  );
}
