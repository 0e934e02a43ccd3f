"use client";
// Prints the page (the report's print styles hide the admin chrome and the controls).
export function PrintButton({ label, className }: { label: string; className?: string }) {
  return (
    <button type="button" className={className} onClick={() => window.print()} data-testid="print-report">
      {label}
    </button>
  );
}
