// A sending run of a mailing in a process of its own, for the crash test
// (tests/integration/mailings.test.ts), which SIGKILLs it mid-way:
//   node --import tsx tests/helpers/run-mailing-child.ts <mailingId> <smtpUrl>
// DATABASE_URL, NEXTAUTH_SECRET and APP_URL come from the parent's environment.
import { runMailing } from "@/lib/marketing/mailings/run-mailing";
import { createMailTransport } from "@/lib/mail/transport";

const [mailingId, smtpUrl] = process.argv.slice(2);
if (!mailingId || !smtpUrl) throw new Error("usage: run-mailing-child.ts <mailingId> <smtpUrl>");

const transport = createMailTransport({ from: process.env.MAIL_FROM ?? "Lavka Test <shop@lavka.test>", smtpUrl });
const result = await runMailing(mailingId, { transport });
process.stdout.write(`result:${result}\n`);
process.exit(0);
