// Millimetre drawing on pdfkit for the postal forms: pages of the forms' paper sizes, text that
// fits its field (shrunk, then cut with an ellipsis), ruled fields with captions, per-digit boxes,
// the postcode stencil of Russian envelopes and vector barcodes (bwip-js). The Cyrillic font is
// DejaVu (Bitstream Vera licence, free to embed and redistribute), read once per process and
// embedded as a subset in each document.
import { readFileSync } from "node:fs";
import path from "node:path";
import bwipjs from "bwip-js/node";
import PDFDocument from "pdfkit";

export const MM = 72 / 25.4;

const FONT_FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf", condensed: "DejaVuSansCondensed.ttf", condensedBold: "DejaVuSansCondensed-Bold.ttf" } as const;
export type FontName = keyof typeof FONT_FILES;

let fontData: Record<FontName, Buffer> | null = null;
/** The font files, read once per process (pdfkit parses them per document: a parsed font shared between documents garbles their subsets). */
function fonts(): Record<FontName, Buffer> {
  // Resolved from the working directory: Next.js bundles server code, so a path next to this module would not point into node_modules.
  fontData ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", file))]),
  ) as Record<FontName, Buffer>;
  return fontData;
}

export type PaperSize = "A4" | "A5";
const PAPER: Record<PaperSize, [number, number]> = { A4: [210, 297], A5: [148, 210] };

export interface TextOptions {
  size?: number;
  font?: FontName;
  align?: "left" | "center" | "right";
  /** Smallest size a long single line may shrink to before it is cut. */
  minSize?: number;
  /** Lines a long value may wrap to (its box is `lines` × the line height). */
  lines?: number;
  color?: string;
  /** Extra space between wrapped lines, in points. */
  lineGap?: number;
}

export class Sheet {
  readonly doc: PDFKit.PDFDocument;

  constructor(info: { title: string }) {
    this.doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string, compress: true, info: { Title: info.title, Creator: "Lavka", Producer: "Lavka" } });
    for (const [name, data] of Object.entries(fonts())) this.doc.registerFont(name, data);
  }

  /** A new page; `landscape` turns the paper (A5 landscape is 210 × 148 mm). */
  page(paper: PaperSize, landscape: boolean) {
    const [width, height] = PAPER[paper];
    this.doc.addPage({ size: [(landscape ? height : width) * MM, (landscape ? width : height) * MM], margin: 0 });
  }

  /** Text whose top-left corner is at (x, y) mm, in `width` mm: one line shrunk to fit, or wrapped to `lines` lines and cut. */
  text(x: number, y: number, width: number, value: string, options: TextOptions = {}) {
    const { size = 9, font = "regular", align = "left", minSize = Math.min(size, 6), lines = 1, color = "#000000", lineGap = 0 } = options;
    if (!value) return;
    const doc = this.doc.font(font).fillColor(color);
    if (lines === 1) {
      let fitted = size;
      doc.fontSize(fitted);
      const natural = doc.widthOfString(value);
      if (natural > width * MM) fitted = Math.max(minSize, (size * width * MM) / natural);
      // Placed by hand rather than through pdfkit's line wrapper: thousands of fields per batch, and wrapping is most of the cost.
      const shown = doc.fontSize(fitted).widthOfString(value);
      const left = align === "left" ? 0 : align === "center" ? (width * MM - shown) / 2 : width * MM - shown;
      doc.text(value, x * MM + Math.max(0, left), y * MM, { lineBreak: false });
      return;
    }
    doc.fontSize(size).text(value, x * MM, y * MM, { width: width * MM, align, height: lines * (size * 1.18 + lineGap), ellipsis: true, lineGap });
  }

  line(x1: number, y1: number, x2: number, y2: number, options: { width?: number; dash?: boolean; color?: string } = {}) {
    const doc = this.doc.lineWidth((options.width ?? 0.2) * MM).strokeColor(options.color ?? "#000000");
    if (options.dash) doc.dash(1 * MM, { space: 0.8 * MM });
    doc
      .moveTo(x1 * MM, y1 * MM)
      .lineTo(x2 * MM, y2 * MM)
      .stroke();
    if (options.dash) doc.undash();
  }

  rect(x: number, y: number, width: number, height: number, options: { width?: number; fill?: string } = {}) {
    const doc = this.doc.lineWidth((options.width ?? 0.25) * MM).strokeColor("#000000");
    doc.rect(x * MM, y * MM, width * MM, height * MM);
    if (options.fill) doc.fillAndStroke(options.fill, "#000000");
    else doc.stroke();
  }

  /** A small grey caption (the printed words of the blank form). */
  caption(x: number, y: number, width: number, value: string, align: "left" | "center" | "right" = "left") {
    this.text(x, y, width, value, { size: 6, color: "#333333", align });
  }

  /** A ruled field: caption on the left, the value on the line after it (wrapping onto `lines` ruled lines). */
  field(x: number, y: number, width: number, label: string, value: string, options: { size?: number; font?: FontName; lines?: number; labelWidth?: number } = {}) {
    const { size = 9, lines = 1, labelWidth = Math.max(8, label.length * 1.55 + 1) } = options;
    const step = size * 0.45 + 1.2;
    this.text(x, y + step - 3.2, labelWidth, label, { size: 7, color: "#333333" });
    for (let index = 0; index < lines; index += 1) {
      const start = index === 0 ? x + labelWidth : x;
      this.line(start, y + step * (index + 1), x + width, y + step * (index + 1), { width: 0.15 });
    }
    if (lines === 1) this.text(x + labelWidth + 0.8, y + step - size * 0.42, width - labelWidth - 1, value, { size, font: options.font });
    // Wrapped lines sit on the ruled lines: the gap is the ruling step less the font's own line height.
    else this.text(x + labelWidth + 0.8, y + step - size * 0.42, width - labelWidth - 1, value, { size, font: options.font, lines, lineGap: step * MM - size * 1.164 });
  }

  /** One character per box, as the forms ask for postcodes, INN, accounts and BIK. */
  digitBoxes(x: number, y: number, count: number, value: string, cell: { width?: number; height?: number; size?: number } = {}) {
    const { width = 3.6, height = 5, size = 9 } = cell;
    // One path for the whole row of boxes: a batch prints thousands of them.
    this.doc.lineWidth(0.15 * MM).strokeColor("#000000");
    for (let index = 0; index < count; index += 1) this.doc.rect((x + index * width) * MM, y * MM, width * MM, height * MM);
    this.doc.stroke();
    const shown = value.slice(0, count);
    if (/^[\d ]*$/.test(shown)) {
      // Digits share one advance width: the whole row is one text run spaced to the cells.
      const advance = this.doc.font("condensed").fontSize(size).widthOfString("0");
      const start = shown.length - shown.trimStart().length;
      const digits = shown.trim();
      if (digits) {
        this.doc.fillColor("#000000").text(digits, (x + start * width) * MM + (width * MM - advance) / 2, (y + (height - size * 0.38) / 2) * MM, {
          lineBreak: false,
          characterSpacing: width * MM - advance,
        });
      }
      return;
    }
    for (let index = 0; index < count; index += 1) {
      const char = shown[index];
      if (char) this.text(x + index * width, y + (height - size * 0.38) / 2, width, char, { size, align: "center", font: "condensed" });
    }
  }

  /** A checkbox, crossed when `checked`, with its label. */
  checkbox(x: number, y: number, checked: boolean, label: string) {
    this.rect(x, y, 3.2, 3.2, { width: 0.2 });
    if (checked) {
      this.line(x + 0.5, y + 0.5, x + 2.7, y + 2.7, { width: 0.35 });
      this.line(x + 2.7, y + 0.5, x + 0.5, y + 2.7, { width: 0.35 });
    }
    this.text(x + 4.2, y + 0.2, 60, label, { size: 7.5 });
  }

  /**
   * The index of the destination in the stencil of Russian envelopes (GOST R 51506): each digit
   * drawn with the segments of a 2 × 3 grid, over the grid's dotted template.
   */
  postcodeStencil(x: number, y: number, postcode: string, cell: { width?: number; height?: number; gap?: number } = {}) {
    const { width = 6, height = 11, gap = 2.2 } = cell;
    const strokes = (segments: (index: number) => Segment[]) => {
      for (let index = 0; index < 6; index += 1) {
        const left = x + index * (width + gap);
        for (const [[c1, r1], [c2, r2]] of segments(index)) {
          this.doc.moveTo((left + c1 * width) * MM, (y + (r1 * height) / 2) * MM).lineTo((left + c2 * width) * MM, (y + (r2 * height) / 2) * MM);
        }
      }
      this.doc.stroke();
    };
    this.doc
      .lineWidth(0.2 * MM)
      .strokeColor("#9ca3af")
      .dash(1 * MM, { space: 0.8 * MM });
    strokes(() => STENCIL_TEMPLATE);
    this.doc
      .undash()
      .lineWidth(0.9 * MM)
      .strokeColor("#000000")
      .lineCap("round");
    strokes((index) => STENCIL_DIGITS[postcode[index] ?? ""] ?? []);
    this.doc.lineCap("butt");
  }

  /** A Code 128 barcode of `value` filling `width` × `height` mm, bars drawn as vectors. */
  barcode(x: number, y: number, width: number, height: number, value: string) {
    const [symbol] = bwipjs.raw({ bcid: "code128", text: value }) as unknown as [{ sbs: number[] }];
    const modules = symbol.sbs.reduce((sum, run) => sum + run, 0);
    const moduleWidth = width / modules;
    let cursor = x;
    this.doc.fillColor("#000000");
    symbol.sbs.forEach((run, index) => {
      if (index % 2 === 0) this.doc.rect(cursor * MM, y * MM, run * moduleWidth * MM, height * MM);
      cursor += run * moduleWidth;
    });
    this.doc.fill();
  }

  /** The whole document as one Buffer. */
  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      this.doc.on("end", () => resolve(Buffer.concat(chunks)));
      this.doc.on("error", reject);
    });
    this.doc.end();
    return done;
  }
}

type Segment = readonly [readonly [number, number], readonly [number, number]];
const S = (x1: number, y1: number, x2: number, y2: number): Segment => [
  [x1, y1],
  [x2, y2],
];
// Grid points (column 0–1, row 0–2); the template is every stroke a digit may use.
const TOP = S(0, 0, 1, 0);
const MIDDLE = S(0, 1, 1, 1);
const BOTTOM = S(0, 2, 1, 2);
const LEFT_UP = S(0, 0, 0, 1);
const LEFT_DOWN = S(0, 1, 0, 2);
const RIGHT_UP = S(1, 0, 1, 1);
const RIGHT_DOWN = S(1, 1, 1, 2);
const DIAGONAL_UP = S(1, 0, 0, 1);
const DIAGONAL_DOWN = S(1, 1, 0, 2);
const STENCIL_TEMPLATE = [TOP, MIDDLE, BOTTOM, LEFT_UP, LEFT_DOWN, RIGHT_UP, RIGHT_DOWN, DIAGONAL_UP, DIAGONAL_DOWN];
const STENCIL_DIGITS: Record<string, Segment[]> = {
  "0": [TOP, BOTTOM, LEFT_UP, LEFT_DOWN, RIGHT_UP, RIGHT_DOWN],
  "1": [DIAGONAL_UP, RIGHT_UP, RIGHT_DOWN],
  "2": [TOP, RIGHT_UP, DIAGONAL_DOWN, BOTTOM],
  "3": [TOP, DIAGONAL_UP, MIDDLE, DIAGONAL_DOWN],
  "4": [LEFT_UP, MIDDLE, RIGHT_UP, RIGHT_DOWN],
  "5": [TOP, LEFT_UP, MIDDLE, RIGHT_DOWN, BOTTOM],
  "6": [DIAGONAL_UP, LEFT_DOWN, MIDDLE, RIGHT_DOWN, BOTTOM],
  "7": [TOP, DIAGONAL_UP, LEFT_DOWN],
  "8": [TOP, MIDDLE, BOTTOM, LEFT_UP, LEFT_DOWN, RIGHT_UP, RIGHT_DOWN],
  "9": [TOP, LEFT_UP, RIGHT_UP, MIDDLE, DIAGONAL_DOWN],
};
