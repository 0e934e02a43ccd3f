import { describe, expect, it } from "vitest";
import { markdownToEmailHtml } from "./markdown";

describe("markdownToEmailHtml", () => {
  it("renders the newsletter subset with inline styles", () => {
    const html = markdownToEmailHtml("# Sale\n\n**Big** *news*: [open](https://shop.example/sale)\n\n- one\n- two\n\n> quoted\n\n---");
    expect(html).toMatch(/<h2 style="[^"]+">Sale<\/h2>/);
    expect(html).toContain("<strong>Big</strong> <em>news</em>");
    expect(html).toMatch(/<a href="https:\/\/shop.example\/sale" style="[^"]+" target="_blank">open<\/a>/);
    expect(html).toMatch(/<ul style="[^"]+"><li>one<\/li>\n?<li>two<\/li>/);
    expect(html).toMatch(/<blockquote style="[^"]+">/);
    expect(html).toMatch(/<hr style="[^"]+" \/>/);
  });

  it("shows raw HTML as text", () => {
    const html = markdownToEmailHtml('Hello <script>alert(1)</script> <img src=x onerror="alert(2)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops links and images that are not http(s)", () => {
    const html = markdownToEmailHtml("[click](javascript:alert(1)) ![pic](http://insecure.example/a.png) ![ok](https://cdn.example/a.png) [mail](mailto:shop@example.com)");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("insecure.example");
    expect(html).toContain('<img src="https://cdn.example/a.png" alt="ok"');
    expect(html).toContain('href="mailto:shop@example.com"');
  });
});
