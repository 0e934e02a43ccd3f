// The rules for what a new partner may sign up with: the login (it appears in every referral link
// and in /r/<login>, so it is URL-safe lowercase and never a word the app's own routes use) and
// the email (no throw-away inboxes: the program mails the password and payouts go to that person).
import { z } from "zod";

/** Lowercase latin letters, digits and underscores, starting with a letter (the length is checked apart, for its own message). */
const LOGIN_PATTERN = /^[a-z][a-z0-9_]*$/;

// Words that read like the shop itself or collide with paths and link prefixes.
const RESERVED_LOGINS = new Set([
  "admin",
  "administrator",
  "api",
  "r",
  "partner",
  "partners",
  "root",
  "support",
  "help",
  "shop",
  "lavka",
  "owner",
  "manager",
  "system",
  "staff",
  "signin",
  "signout",
  "login",
  "logout",
  "register",
  "join",
  "checkout",
  "order",
  "orders",
  "mail",
  "null",
  "undefined",
  "test",
  "www",
  "static",
  "public",
]);

/** What a login is compared by: logins are unique case-insensitively, so they are stored lowercased. */
export const normalizeLogin = (login: string) => login.trim().toLowerCase();

export function isReservedLogin(login: string): boolean {
  return RESERVED_LOGINS.has(normalizeLogin(login));
}

// Messages are i18n keys under partnerJoin.errors (the form translates them).
export const ZPartnerLogin = z
  .string({ error: "partnerJoin.errors.loginInvalid" })
  .transform(normalizeLogin)
  .pipe(
    z
      .string()
      .min(3, { error: "partnerJoin.errors.loginLength" })
      .max(32, { error: "partnerJoin.errors.loginLength" })
      .regex(LOGIN_PATTERN, { error: "partnerJoin.errors.loginInvalid" })
      .refine((login) => !RESERVED_LOGINS.has(login), { error: "partnerJoin.errors.loginReserved" }),
  );

// Well-known throw-away mail services. A short list on purpose: it stops the casual case; the
// owner's manual approval is the real gate.
const DISPOSABLE_EMAIL_DOMAINS = new Set([
  "mailinator.com",
  "10minutemail.com",
  "10minutemail.net",
  "guerrillamail.com",
  "guerrillamail.net",
  "guerrillamail.org",
  "guerrillamailblock.com",
  "sharklasers.com",
  "grr.la",
  "tempmail.com",
  "temp-mail.org",
  "temp-mail.io",
  "tempmail.net",
  "tempmailo.com",
  "tempr.email",
  "throwawaymail.com",
  "yopmail.com",
  "yopmail.net",
  "getnada.com",
  "nada.email",
  "trashmail.com",
  "trashmail.de",
  "dispostable.com",
  "maildrop.cc",
  "mailnesia.com",
  "mintemail.com",
  "mohmal.com",
  "fakeinbox.com",
  "emailondeck.com",
  "spamgourmet.com",
  "mytemp.email",
  "moakt.com",
  "burnermail.io",
  "mailcatch.com",
  "tempinbox.com",
  "discard.email",
  "33mail.com",
  "getairmail.com",
  "inboxkitten.com",
  "mail.tm",
  "mailpoof.com",
  "tmpmail.org",
  "tmpmail.net",
  "dropmail.me",
  "emailfake.com",
  "crazymailing.com",
  "spambox.us",
  "mvrht.net",
]);

/** True for an address at a throw-away mail service (or a subdomain of one). */
export function isDisposableEmail(email: string): boolean {
  const domain = email.trim().toLowerCase().split("@").pop() ?? "";
  const labels = domain.split(".");
  for (let i = 0; i < labels.length - 1; i++) if (DISPOSABLE_EMAIL_DOMAINS.has(labels.slice(i).join("."))) return true;
  return false;
}

export const ZPartnerEmail = z
  .string({ error: "partnerJoin.errors.emailInvalid" })
  .trim()
  .toLowerCase()
  .max(254, { error: "partnerJoin.errors.emailInvalid" })
  .pipe(z.email({ error: "partnerJoin.errors.emailInvalid" }))
  .refine((email) => !isDisposableEmail(email), { error: "partnerJoin.errors.emailDisposable" });
