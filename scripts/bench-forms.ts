// `npm run bench:forms`: one PDF with the f.103 list of a 500-order batch and the f.7p label and
// f.112EP transfer of each order (1,000 A5 pages and the list's A4 sheets), as a shipping batch
// prints it, through renderPostalForms. Beside it, a baseline measured in the same run: the same
// number of pages holding one line of plain text each, with the same library and font. The
// target (issue 10) is 10 s on this machine. No database: the orders are made in memory, as
// loadPostalFormOrders would hand them over. Three runs each after a warm-up; the median counts.
import PDFDocument from "pdfkit";
import { f103Pages } from "../lib/logistics/forms/pdf/f103";
import type { PostalFormOrder } from "../lib/logistics/forms/postal-form-order";
import { renderPostalForms } from "../lib/logistics/forms/render-postal-forms";
import { ZShopRequisites } from "../lib/settings/shop-requisites";

const ORDERS = Number(process.env.BENCH_FORMS_ORDERS) || 500;
const RUNS = 3;
const TARGET_MS = 10_000;

const sender = ZShopRequisites.parse({
  senderName: "ООО «Лавка»",
  address: "г. Москва, ул. Тверская, д. 7, офис 15",
  postcode: "125009",
  phone: "+7 495 123-45-67",
  inn: "7707083893",
  kpp: "773601001",
  bankName: "ПАО Сбербанк",
  bik: "044525225",
  correspondentAccount: "30101810400000000225",
  settlementAccount: "40702810938000012345",
});

const CITIES = ["г. Казань, Республика Татарстан", "г. Новосибирск, Новосибирская обл.", "пос. Октябрьский, Ряжский р-н, Рязанская обл.", "г. Екатеринбург, Свердловская обл."];
const orders: PostalFormOrder[] = Array.from({ length: ORDERS }, (_, index) => ({
  orderId: `bench-${index}`,
  orderNumber: 100_000 + index,
  recipientName: `Петрова Анна Сергеевна ${index}`,
  address: `ул. Ленина, д. ${1 + (index % 120)}, кв. ${1 + (index % 300)}, ${CITIES[index % CITIES.length]}`,
  postcode: String(420_000 + index).padStart(6, "0"),
  phone: `+7 917 555-${String(index).padStart(4, "0").slice(0, 2)}-${String(index).padStart(4, "0").slice(2)}`,
  declaredValue: 99_000 + index * 100, // from 990.00 RUB
  codAmount: 99_000 + index * 100,
  trackingNumber: `8008512${String(index).padStart(7, "0")}`,
  weightGrams: 400 + (index % 50) * 25,
}));

async function plainPages(count: number): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  doc.registerFont("regular", `${process.cwd()}/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf`);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  for (let page = 0; page < count; page += 1) {
    doc.addPage({ size: "A5", layout: "landscape", margin: 40 });
    doc
      .font("regular")
      .fontSize(10)
      .text(`Страница ${page + 1}: Петрова Анна Сергеевна, 420111, ул. Ленина, д. 5`, 40, 40);
  }
  doc.end();
  return done;
}

async function median(label: string, run: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  await run(); // warm-up: fonts parsed, code compiled
  const times: number[] = [];
  let bytes = 0;
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    bytes = (await run()).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)]!;
  console.log(`  ${label}: median ${(ms / 1000).toFixed(2)} s of ${RUNS} (${times.map((time) => (time / 1000).toFixed(2)).join(", ")}), ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
  return { ms, bytes };
}

const batch = { number: "BENCH-1", date: new Date() };
const pages = ORDERS * 2 + f103Pages(ORDERS).length;
const sample = await renderPostalForms({ orders, forms: ["f7p", "f112ep", "f103"], sender, batch });
// pdfkit writes page objects uncompressed: counting them checks the PDF holds every page.
const counted = sample.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
if (counted !== pages) throw new Error(`expected ${pages} pages, the PDF has ${counted}`);

console.log(
  `Postal forms for a batch of ${ORDERS} orders: f.103 + f.7p and f.112EP per order = ${pages} pages in one PDF (load average ${(await import("node:os")).loadavg()[0]!.toFixed(1)} on ${(await import("node:os")).cpus().length} cores)`,
);
const forms = await median("forms (renderPostalForms)", () => renderPostalForms({ orders, forms: ["f7p", "f112ep", "f103"], sender, batch }));
const plain = await median(`baseline: ${pages} pages of one text line (pdfkit, same font)`, () => plainPages(pages));
console.log(`  per page: forms ${(forms.ms / pages).toFixed(2)} ms, baseline ${(plain.ms / pages).toFixed(2)} ms; forms/baseline ${(forms.ms / plain.ms).toFixed(1)}×`);
console.log(`  target ≤ ${TARGET_MS / 1000} s: ${forms.ms <= TARGET_MS ? "met" : "NOT met"} (${(forms.ms / 1000).toFixed(2)} s)`);
