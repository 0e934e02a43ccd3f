// The round pictogram at the top of the pages after ordering; decorative (the heading says it).

const STYLES = {
  success: "bg-emerald-50 text-emerald-600 ring-emerald-100",
  mail: "bg-brand-50 text-brand-600 ring-brand-100",
  warning: "bg-amber-50 text-amber-600 ring-amber-100",
  error: "bg-red-50 text-red-600 ring-red-100",
} as const;

const PATHS: Record<keyof typeof STYLES, string> = {
  success: "M5 13l4 4L19 7",
  mail: "M3 7l9 6 9-6M5 5h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z",
  warning: "M12 8v5m0 3.5v.01M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z",
  error: "M15 9l-6 6m0-6l6 6M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z",
};

export function StatusIcon({ kind }: { kind: keyof typeof STYLES }) {
  return (
    <span aria-hidden="true" className={`flex size-14 items-center justify-center rounded-full ring-8 ${STYLES[kind]}`}>
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" className="size-7">
        <path d={PATHS[kind]} />
      </svg>
    </span>
  );
}
