"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("common");
  return (
    <button type="button" className="text-sm text-slate-500 hover:text-slate-900" onClick={() => signOut({ callbackUrl })}>
      {t("signOut")}
    </button>
  );
}
