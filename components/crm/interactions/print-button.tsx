"use client";

/** Opens the browser's print dialog; hidden on paper. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-secondary h-8 py-0 text-sm print:hidden" onClick={() => window.print()}>
      {label}
    </button>
  );
}
