// Print styles for a CRM report page: only the report is printed — the admin navigation, the
// header bar and the report's own controls (`print:hidden`) are left out, tables keep their rows
// together and backgrounds are dropped.
const PRINT_CSS = `@media print {
  body aside, body header { display: none !important; }
  main { padding: 0 !important; }
  section { break-inside: avoid; box-shadow: none !important; }
  tr { break-inside: avoid; }
  * { background: transparent !important; }
}`;

export function ReportPrintStyles() {
  return <style>{PRINT_CSS}</style>;
}
