// Markdown of a mailing's body → email HTML with inline styles (mail clients ignore <style>).
// The subset is what a newsletter needs: paragraphs, headings, bold/italic, links, lists, quotes,
// rules and https images. Raw HTML in the source is shown as text, links other than http(s) and
// mailto lose their href, images other than https are dropped: the author writes content, not markup.
import { Marked, type Tokens } from "marked";
import type { CSSProperties } from "react";
import { styles } from "./styles";

const css = (style: CSSProperties) =>
  Object.entries(style)
    .map(([key, value]) => `${key.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`)}:${String(value)}`)
    .join(";");

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const safeHref = (href: string) => /^(https?:\/\/|mailto:)/i.test(href.trim());

const text = css(styles.text);
const heading = css({ ...styles.heading, fontSize: "20px", lineHeight: "28px" });
const link = css(styles.link);
const list = css({ ...styles.text, paddingLeft: "24px" });
const quote = css({ ...styles.text, borderLeft: "3px solid #e4e4e7", color: "#52525b", margin: "0 0 16px", paddingLeft: "12px" });
const rule = css({ border: "none", borderTop: "1px solid #e4e4e7", margin: "24px 0" });
const code = css(styles.code);

const markdown = new Marked({
  async: false,
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text: raw }: Tokens.HTML | Tokens.Tag) => escapeHtml(raw),
    paragraph({ tokens }: Tokens.Paragraph) {
      return `<p style="${text}">${this.parser.parseInline(tokens)}</p>\n`;
    },
    heading({ tokens }: Tokens.Heading) {
      return `<h2 style="${heading}">${this.parser.parseInline(tokens)}</h2>\n`;
    },
    link({ href, tokens }: Tokens.Link) {
      const inner = this.parser.parseInline(tokens);
      return safeHref(href) ? `<a href="${escapeHtml(href.trim())}" style="${link}" target="_blank">${inner}</a>` : inner;
    },
    image({ href, text: alt }: Tokens.Image) {
      return /^https:\/\//i.test(href.trim()) ? `<img src="${escapeHtml(href.trim())}" alt="${escapeHtml(alt)}" style="max-width:100%;height:auto;border:0" />` : escapeHtml(alt);
    },
    list(token: Tokens.List) {
      const tag = token.ordered ? "ol" : "ul";
      const start = token.ordered && token.start !== 1 && token.start !== "" ? ` start="${Number(token.start)}"` : "";
      return `<${tag}${start} style="${list}">${token.items.map((item) => this.listitem(item)).join("")}</${tag}>\n`;
    },
    blockquote({ tokens }: Tokens.Blockquote) {
      return `<blockquote style="${quote}">${this.parser.parse(tokens)}</blockquote>\n`;
    },
    hr() {
      return `<hr style="${rule}" />\n`;
    },
    codespan({ text: inner }: Tokens.Codespan) {
      return `<code style="${code}">${inner}</code>`;
    },
  },
});

/** The body's HTML (inline-styled, safe to embed). */
export function markdownToEmailHtml(source: string): string {
  return markdown.parse(source) as string;
}
