"use client";
// Prints the page (the page's print styles hide the admin chrome and the controls).
export function PrintButton({ label, className, testId = "print-report" }: { label: string; className?: string; testId?: string }) {
  return (
    <button type="button" className={className} onClick={() => window.print()} data-testid={testId}>
      {label}
    </button>
  );
}
