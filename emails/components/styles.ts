// Inline styles shared by the emails: mail clients ignore <style> blocks unevenly, so every
// element carries its own. One palette and type scale for all templates.
import type { CSSProperties } from "react";

const font = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

export const styles = {
  body: { backgroundColor: "#f4f4f5", fontFamily: font, margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: "8px", maxWidth: "560px", margin: "0 auto", padding: "32px" },
  brand: { color: "#18181b", fontSize: "18px", fontWeight: 700, margin: "0 0 24px", textDecoration: "none" },
  heading: { color: "#18181b", fontSize: "22px", fontWeight: 700, lineHeight: "30px", margin: "0 0 16px" },
  text: { color: "#27272a", fontSize: "15px", lineHeight: "24px", margin: "0 0 16px" },
  muted: { color: "#71717a", fontSize: "13px", lineHeight: "20px", margin: "0 0 12px" },
  link: { color: "#2563eb", textDecoration: "underline", wordBreak: "break-all" },
  button: {
    backgroundColor: "#16a34a",
    borderRadius: "6px",
    color: "#ffffff",
    display: "inline-block",
    fontSize: "17px",
    fontWeight: 700,
    padding: "14px 28px",
    textDecoration: "none",
  },
  buttonSection: { margin: "8px 0 24px" },
  hr: { borderColor: "#e4e4e7", margin: "24px 0" },
  table: { borderCollapse: "collapse", margin: "0 0 16px", width: "100%" },
  th: { borderBottom: "1px solid #e4e4e7", color: "#71717a", fontSize: "13px", fontWeight: 600, padding: "6px 0", textAlign: "left" },
  td: { borderBottom: "1px solid #f4f4f5", color: "#27272a", fontSize: "15px", padding: "8px 0", verticalAlign: "top" },
  tdRight: { textAlign: "right", whiteSpace: "nowrap" },
  totalRow: { color: "#18181b", fontSize: "16px", fontWeight: 700, padding: "10px 0 0" },
  code: {
    backgroundColor: "#f4f4f5",
    borderRadius: "4px",
    color: "#18181b",
    fontFamily: "Menlo, Consolas, monospace",
    fontSize: "15px",
    padding: "2px 6px",
  },
  footer: { color: "#a1a1aa", fontSize: "12px", lineHeight: "18px", margin: "0 0 6px" },
} satisfies Record<string, CSSProperties>;
