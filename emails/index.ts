// The catalogue of emails: for each template, its props schema (so a job payload can be
// validated before anything is rendered), its subject from the locale's messages, and its
// component. lib/mail/render.ts is the only consumer; add a template here and it can be sent.
import { createElement, type ReactElement } from "react";
import type { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { MailingEmail, mailingSubject, ZMailingProps } from "./mailing";
import { MessageEmail, messageSubject, ZMessageProps } from "./message";
import { DigitalPurchaseEmail, digitalPurchaseSubject, ZDigitalPurchaseProps } from "./digital-purchase";
import type { EmailMessages } from "./messages";
import { OrderAcceptedEmail, orderAcceptedSubject, ZOrderAcceptedProps } from "./order-accepted";
import { OrderConfirmEmail, orderConfirmSubject, ZOrderConfirmProps } from "./order-confirm";
import { OrderNewShopNoticeEmail, orderNewShopNoticeSubject, ZOrderNewShopNoticeProps } from "./order-new-shop-notice";
import { PartnerApprovedEmail, partnerApprovedSubject, ZPartnerApprovedProps } from "./partner-approved";
import { PartnerWelcomeEmail, partnerWelcomeSubject, ZPartnerWelcomeProps } from "./partner-welcome";
import { EmployeeInviteEmail, employeeInviteSubject, ZEmployeeInviteProps } from "./employee-invite";
import { PasswordResetEmail, passwordResetSubject, ZPasswordResetProps } from "./password-reset";
import { TaskDueEmail, taskDueSubject, ZTaskDueProps } from "./task-due";
import { OrderUpdatedEmail, orderUpdatedSubject, ZOrderUpdatedProps } from "./order-updated";
import { OrderReminderEmail, orderReminderSubject, ZOrderReminderProps } from "./order-reminder";

export interface EmailTemplate<Schema extends z.ZodType = z.ZodType> {
  props: Schema;
  // Method syntax on purpose: it lets the catalogue be read through EmailTemplate<ZodType>.
  subject(props: z.output<Schema>, messages: EmailMessages, locale: Locale): string;
  element(props: z.output<Schema>, locale: Locale): ReactElement;
  /** A URL for the List-Unsubscribe header (mailings). */
  unsubscribeUrl?(props: z.output<Schema>): string | undefined;
}

const defineEmailTemplate = <Schema extends z.ZodType>(template: EmailTemplate<Schema>) => template;

export const emailTemplates = {
  "order-confirm": defineEmailTemplate({
    props: ZOrderConfirmProps,
    subject: orderConfirmSubject,
    element: (props, locale) => createElement(OrderConfirmEmail, { ...props, locale }),
  }),
  "order-accepted": defineEmailTemplate({
    props: ZOrderAcceptedProps,
    subject: orderAcceptedSubject,
    element: (props, locale) => createElement(OrderAcceptedEmail, { ...props, locale }),
  }),
  "order-new-shop-notice": defineEmailTemplate({
    props: ZOrderNewShopNoticeProps,
    subject: orderNewShopNoticeSubject,
    element: (props, locale) => createElement(OrderNewShopNoticeEmail, { ...props, locale }),
  }),
  "digital-purchase": defineEmailTemplate({
    props: ZDigitalPurchaseProps,
    subject: digitalPurchaseSubject,
    element: (props, locale) => createElement(DigitalPurchaseEmail, { ...props, locale }),
  }),
  "partner-welcome": defineEmailTemplate({
    props: ZPartnerWelcomeProps,
    subject: partnerWelcomeSubject,
    element: (props, locale) => createElement(PartnerWelcomeEmail, { ...props, locale }),
  }),
  "partner-approved": defineEmailTemplate({
    props: ZPartnerApprovedProps,
    subject: partnerApprovedSubject,
    element: (props, locale) => createElement(PartnerApprovedEmail, { ...props, locale }),
  }),
  "password-reset": defineEmailTemplate({
    props: ZPasswordResetProps,
    subject: passwordResetSubject,
    element: (props, locale) => createElement(PasswordResetEmail, { ...props, locale }),
  }),
  "employee-invite": defineEmailTemplate({
    props: ZEmployeeInviteProps,
    subject: employeeInviteSubject,
    element: (props, locale) => createElement(EmployeeInviteEmail, { ...props, locale }),
  }),
  "order-updated": defineEmailTemplate({
    props: ZOrderUpdatedProps,
    subject: orderUpdatedSubject,
    element: (props, locale) => createElement(OrderUpdatedEmail, { ...props, locale }),
  }),
  "order-reminder": defineEmailTemplate({
    props: ZOrderReminderProps,
    subject: orderReminderSubject,
    element: (props, locale) => createElement(OrderReminderEmail, { ...props, locale }),
  }),
  "task-due": defineEmailTemplate({
    props: ZTaskDueProps,
    subject: taskDueSubject,
    element: (props, locale) => createElement(TaskDueEmail, { ...props, locale }),
  }),
  message: defineEmailTemplate({
    props: ZMessageProps,
    subject: messageSubject,
    element: (props, locale) => createElement(MessageEmail, { ...props, locale }),
    unsubscribeUrl: (props) => props.unsubscribeUrl,
  }),
  mailing: defineEmailTemplate({
    props: ZMailingProps,
    subject: mailingSubject,
    element: (props, locale) => createElement(MailingEmail, { ...props, locale }),
    unsubscribeUrl: (props) => props.unsubscribeUrl,
  }),
};

export type EmailTemplateName = keyof typeof emailTemplates;
export const EMAIL_TEMPLATE_NAMES = Object.keys(emailTemplates) as EmailTemplateName[];

/** Props a caller passes (dates as Date or ISO string, defaults optional). */
export type EmailPropsInput<Name extends EmailTemplateName> = z.input<(typeof emailTemplates)[Name]["props"]>;
/** Props after validation, as the component receives them. */
export type EmailProps<Name extends EmailTemplateName> = z.output<(typeof emailTemplates)[Name]["props"]>;

export type { TDigitalPurchaseProps } from "./digital-purchase";
export type { TMailingProps } from "./mailing";
export type { TMessageProps } from "./message";
export type { TOrderAcceptedProps } from "./order-accepted";
export type { TOrderConfirmProps } from "./order-confirm";
export type { TOrderNewShopNoticeProps } from "./order-new-shop-notice";
export type { TPartnerApprovedProps } from "./partner-approved";
export type { TPartnerWelcomeProps } from "./partner-welcome";
export type { TEmployeeInviteProps } from "./employee-invite";
export type { TPasswordResetProps } from "./password-reset";
export type { TTaskDueProps } from "./task-due";
export type { TOrderUpdatedProps } from "./order-updated";
export type { TOrderReminderProps } from "./order-reminder";
export { ZDigitalPurchaseProps, ZMessageProps, ZOrderAcceptedProps, ZOrderConfirmProps, ZOrderNewShopNoticeProps, ZPartnerApprovedProps, ZPartnerWelcomeProps, ZPasswordResetProps };
