// next-auth (v4) configuration: two credentials providers, one for employees ("staff") and one
// for partners, JWT sessions. The JWT only says who signed in; lib/auth/guard.ts re-checks the
// account (active, role, session version) on every request, so deactivation and password
// changes end sessions at once.
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIpFrom } from "@/lib/client-ip";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authenticate, type SessionActor } from "./authenticate";

declare module "next-auth" {
  interface Session {
    actor: SessionActor;
  }
  interface User {
    actor: SessionActor;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    actor?: SessionActor;
  }
}

function credentialsProvider(kind: "staff" | "partner") {
  return CredentialsProvider({
    id: kind,
    name: kind === "staff" ? "Employee" : "Partner",
    credentials: {
      identifier: { label: "Email", type: "text" },
      password: { label: "Password", type: "password" },
    },
    async authorize(credentials, request) {
      try {
        const actor = await authenticate(kind, credentials ?? {}, clientIpFrom(request?.headers));
        return { id: actor.id, name: actor.name, email: actor.email, actor };
      } catch (error) {
        // next-auth passes a thrown message to the client as `error`: only our codes go out.
        if (error instanceof AppError) throw new Error(error.code);
        throw error;
      }
    },
  });
}

let cached: AuthOptions | undefined;

export function getAuthOptions(): AuthOptions {
  cached ??= {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [credentialsProvider("staff"), credentialsProvider("partner")],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.actor) token.actor = user.actor;
        return token;
      },
      async session({ session, token }) {
        if (token.actor) session.actor = token.actor;
        return session;
      },
    },
  };
  return cached;
}
