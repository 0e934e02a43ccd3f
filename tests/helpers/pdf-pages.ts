// Reads a PDF the way a viewer does (pdf.js, the engine of Firefox): the text of each page, and
// each page rendered to a PNG (pdf.js's own Node canvas, @napi-rs/canvas), for tests that check
// generated documents by what they show.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

async function open(pdf: Buffer) {
  return getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

/** The text of every page, items joined by spaces. */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  const document = await open(pdf);
  const texts: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    texts.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  await document.destroy();
  return texts;
}

/** Page sizes in millimetres, [width, height]. */
export async function pdfPageSizes(pdf: Buffer): Promise<[number, number][]> {
  const document = await open(pdf);
  const sizes: [number, number][] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const viewport = (await document.getPage(number)).getViewport({ scale: 1 });
    sizes.push([Math.round((viewport.width * 25.4) / 72), Math.round((viewport.height * 25.4) / 72)]);
  }
  await document.destroy();
  return sizes;
}

/** Every page as a PNG at `dpi`. */
export async function pdfPagePngs(pdf: Buffer, dpi = 72): Promise<Buffer[]> {
  const document = await open(pdf);
  const pngs: Buffer[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const factory = document.canvasFactory as unknown as { create(width: number, height: number): { canvas: { toBuffer(type: "image/png"): Buffer }; context: unknown } };
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: context as never, canvas: canvas as never, viewport, background: "#ffffff" }).promise;
    pngs.push(canvas.toBuffer("image/png"));
  }
  await document.destroy();
  return pngs;
}
