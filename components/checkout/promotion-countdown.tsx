"use client";

// The running promotion's countdown on the checkout page. The page is cached for a few seconds,
// so the end time is absolute and the clock is the browser's: at zero the promotion is over here
// at once (onEnd re-prices the cart with the server), as it is on the server.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

export function PromotionCountdown({ name, endsAt, onEnd }: { name: string; endsAt: string; onEnd: () => void }) {
  const t = useTranslations("discounts.checkout");
  const end = Date.parse(endsAt);
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    let ended = false;
    const tick = () => {
      const ms = end - Date.now();
      setLeft(Math.max(0, ms));
      if (ms <= 0 && !ended) {
        ended = true;
        onEnd();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [end, onEnd]);

  if (left === null) return null;
  if (left <= 0) {
    return (
      <p role="status" className="rounded-lg bg-slate-100 px-3.5 py-3 text-sm text-slate-700" data-testid="promotion-ended">
        {t("promotionEnded", { name })}
      </p>
    );
  }
  const seconds = Math.floor(left / 1000);
  const days = Math.floor(seconds / 86_400);
  const clock = [Math.floor((seconds % 86_400) / 3600), Math.floor((seconds % 3600) / 60), seconds % 60].map((part) => String(part).padStart(2, "0")).join(":");
  return (
    <p className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-rose-50 px-3.5 py-3 text-sm text-rose-900 ring-1 ring-rose-200" data-testid="promotion-countdown">
      <span className="font-medium">{name}</span>
      <span className="tabular-nums">{days > 0 ? t("endsInDays", { days, clock }) : t("endsIn", { clock })}</span>
    </p>
  );
}
