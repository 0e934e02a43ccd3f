"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

const KNOWN_ERRORS = ["UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED", "VALIDATION"] as const;

export function SignInForm({ kind, callbackUrl }: { kind: "staff" | "partner"; callbackUrl: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn(kind, {
      redirect: false,
      identifier: String(form.get("identifier") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (result?.ok && !result.error) {
      router.push(callbackUrl);
      router.refresh();
      return;
    }
    const code = KNOWN_ERRORS.find((known) => known === result?.error);
    setError(code ? t(`errors.${code}`) : t("errors.default"));
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {kind === "staff" ? t("email") : t("emailOrLogin")}
        <input className="input" name="identifier" type={kind === "staff" ? "email" : "text"} autoComplete="username" required />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("password")}
        <input className="input" name="password" type="password" autoComplete="current-password" required />
      </label>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <button className="btn" type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
