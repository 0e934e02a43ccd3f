"use client";
// A signing secret the server just handed out: shown in full, selectable, with a reminder of
// where it belongs.
import { useTranslations } from "next-intl";

export function SecretBox({ secret }: { secret: string }) {
  const t = useTranslations("webhooks");
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
      <code className="block font-mono break-all select-all" data-testid="webhook-secret">
        {secret}
      </code>
      <p className="mt-1 text-xs text-amber-900">{t("copyHint")}</p>
    </div>
  );
}
