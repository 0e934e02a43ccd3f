// What a timeline entry says, as text: one wording for the card, the printable history report
// and its CSV. Takes the translators so it stays a pure function.
import type { TimelineEntry } from "@/lib/crm/customers/get-customer-timeline";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface TimelineText {
  title: string;
  details: string[];
  who: string | null;
}

export function timelineText(
  entry: TimelineEntry,
  t: Translate,
  status: (status: string) => string,
  formatDate: (iso: string) => string,
  money: (amount: number, currency: string) => string,
): TimelineText {
  switch (entry.kind) {
    case "order":
      return {
        title: t("timeline.order", { number: entry.number }),
        details: [[entry.product, money(entry.total, entry.currency)].filter(Boolean).join(" · "), status(entry.status)],
        who: null,
      };
    case "status":
      return {
        title: t("timeline.status", { number: entry.number, from: entry.from ? status(entry.from) : "—", to: status(entry.to) }),
        details: entry.reason ? [entry.reason] : [],
        who: entry.actorName ?? t(`timeline.actors.${entry.actorType}`),
      };
    case "mail":
      return { title: t("timeline.mail", { subject: entry.subject }), details: [`${entry.toAddress} · ${t(`timeline.mailStatuses.${entry.status}`)}`], who: null };
    case "interaction":
      return {
        title: [t(`timeline.interactionKinds.${entry.interactionKind}`), entry.subject].filter(Boolean).join(": "),
        details: [entry.content, entry.result ? t("timeline.result", { result: entry.result }) : null, entry.nextStep ? t("timeline.nextStep", { step: entry.nextStep }) : null].filter(
          (line): line is string => Boolean(line),
        ),
        who: entry.userName,
      };
    case "taskCreated":
      return { title: t("timeline.taskCreated", { title: entry.title }), details: [t("timeline.due", { date: formatDate(entry.dueAt) })], who: entry.assigneeName };
    case "taskCompleted":
      return { title: t("timeline.taskCompleted", { title: entry.title }), details: entry.result ? [t("timeline.result", { result: entry.result })] : [], who: entry.assigneeName };
    case "dealStage":
      return { title: t("timeline.dealStage", { title: entry.dealTitle, from: entry.fromStage ?? "—", to: entry.toStage ?? "—" }), details: [], who: entry.userName };
  }
}
