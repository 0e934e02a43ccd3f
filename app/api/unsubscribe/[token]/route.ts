// The unsubscribe link's POST target: RFC 8058 one-click (mail clients POST
// "List-Unsubscribe=One-Click" here, without cookies or a session — the signed token is the
// authorisation) and the confirm button of the /unsubscribe/<token> page (a plain form, so it
// works without JavaScript). Idempotent; a forged token changes nothing (404). A GET never
// unsubscribes (link scanners follow links): it shows the page.
import { NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { handle } from "@/lib/http";
import { unsubscribeRecipient } from "@/lib/marketing/mailings/unsubscribe-recipient";

type Context = { params: Promise<{ token: string }> };

const pageUrl = (token: string, query = "") => `${getEnv().APP_URL}/unsubscribe/${encodeURIComponent(token)}${query}`;

export const POST = handle(async (request: Request, { params }: Context) => {
  const { token } = await params;
  // The page's form says so; anything else is a one-click request from a mail client.
  const form = await request.formData().catch(() => null);
  const fromPage = form?.get("from") === "page";
  try {
    await unsubscribeRecipient(token);
  } catch (error) {
    if (fromPage) return NextResponse.redirect(pageUrl(token), 303);
    throw error;
  }
  if (fromPage) return NextResponse.redirect(pageUrl(token, "?done=1"), 303);
  return new NextResponse("Unsubscribed\n", { status: 200, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
});

export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  return NextResponse.redirect(pageUrl(token), 303);
}
