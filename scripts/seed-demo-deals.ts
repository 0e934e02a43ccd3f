// The CRM's demo pipeline and deals (issue 8, from the seed systems' QSOFT deals table): the
// "Продажи" pipeline with its four working stages plus won/lost, and the 21 deals — company
// customers with their contact persons (a deal without a company has its main contact as a person
// customer), spread over the employees who work on deals, with a stage history leading to where
// each deal stands. Their budgets add up to 13 243 000 ₽. Called from seed-demo's transaction.
import type { DbTransaction } from "../lib/db";

export const DEMO_PIPELINE_NAME = "Продажи";
export const DEMO_OPEN_STAGES = ["Первичный контакт", "Активные переговоры", "Принимают решение", "Согласование договора"] as const;
const STAGE_COLORS = ["#93c5fd", "#fcd34d", "#fdba74", "#c4b5fd"];

type DemoStage = (typeof DEMO_OPEN_STAGES)[number];

/** Title, main contact, company (null: a private person), stage, budget in whole roubles. */
export const DEMO_DEALS: readonly { title: string; contact: string; company: string | null; stage: DemoStage; rub: number }[] = [
  { title: "Аудит", contact: "Максим Иванов", company: "RetailGroup", stage: "Первичный контакт", rub: 100_000 },
  { title: "Тех. поддержка", contact: "Иван Дуликов", company: 'ООО "Автопром"', stage: "Первичный контакт", rub: 100_000 },
  { title: "Корп сайт", contact: "Геннадий Сидоров", company: "АвтоСелект", stage: "Первичный контакт", rub: 100_000 },
  { title: "Интернет-магазин", contact: "Ольга Смирнова", company: "Детский мир", stage: "Активные переговоры", rub: 500_000 },
  { title: "Портал по", contact: "Надежда Петровна", company: "Новострой", stage: "Первичный контакт", rub: 250_000 },
  { title: "Интернет-магазин", contact: "Юлия Зайцева", company: "Компании СЕЛЕКТ", stage: "Активные переговоры", rub: 580_000 },
  { title: "2 корп сайта с", contact: "Иван Дуликов", company: 'ООО "Автопром"', stage: "Первичный контакт", rub: 1_520_000 },
  { title: "Интернет-магазин", contact: "Алия Ахметова", company: "LookGood", stage: "Первичный контакт", rub: 1_200_000 },
  { title: "Корп сайт банка", contact: "Слава Сидоренко", company: "Юникомсофт", stage: "Активные переговоры", rub: 1_250_000 },
  { title: "ИМ одежды", contact: "Стас Морозов", company: "Zalando", stage: "Принимают решение", rub: 950_000 },
  { title: "Большой проект", contact: "Сергей Труднев", company: "Sun rise", stage: "Согласование договора", rub: 1_500_000 },
  { title: "ТП 24x7", contact: "Иван Коновалов", company: "Иншур", stage: "Активные переговоры", rub: 15_000 },
  { title: "Корп сайт", contact: "Егор Петров", company: "Инветбай", stage: "Первичный контакт", rub: 980_000 },
  { title: "Деловая", contact: "Дмитрий Корюкин", company: null, stage: "Принимают решение", rub: 1_350_000 },
  { title: "Корп сайт + портал", contact: "Геннадий Сидоров", company: "АвтоСелект", stage: "Согласование договора", rub: 58_000 },
  { title: "Перенос на Битрикс", contact: "Сергей Абдулов", company: "Авалюкс Моторс", stage: "Активные переговоры", rub: 980_000 },
  { title: "Каталог отелей", contact: "Артур Говорухин", company: null, stage: "Согласование договора", rub: 180_000 },
  { title: "Тематический", contact: "Николай Петрович", company: "Новые медиа", stage: "Согласование договора", rub: 200_000 },
  { title: "Корпоративный сайт", contact: "Иван Коновалов", company: "Иншур", stage: "Принимают решение", rub: 780_000 },
  { title: "Сайт доставки", contact: "Егор Добрынин", company: 'ОАО "Цветы на', stage: "Первичный контакт", rub: 470_000 },
  { title: "Разработка", contact: "Ольга Морозова", company: null, stage: "Первичный контакт", rub: 180_000 },
];

const DAY = 24 * 3600 * 1000;

/** Loads the demo pipeline and deals unless the database already has a pipeline. */
export async function seedDemoDeals(tx: DbTransaction, now = new Date()): Promise<void> {
  if ((await tx.pipeline.count()) > 0) return;
  const employees = await tx.user.findMany({ where: { isActive: true, role: { in: ["OWNER", "MANAGER"] } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  await createDemoDeals(
    tx,
    employees.map((employee) => employee.id),
    now,
  );
}

/** Creates the demo pipeline, its customers and the 21 deals; returns the pipeline's id. */
export async function createDemoDeals(tx: DbTransaction, responsibleIds: readonly string[], now = new Date()): Promise<string> {
  const pipeline = await tx.pipeline.create({ data: { name: DEMO_PIPELINE_NAME, position: 0 }, select: { id: true } });
  await tx.dealStage.createMany({
    data: [
      ...DEMO_OPEN_STAGES.map((name, position) => ({ pipelineId: pipeline.id, name, position, kind: "OPEN" as const, color: STAGE_COLORS[position] ?? null })),
      { pipelineId: pipeline.id, name: "Успешно реализовано", position: 0, kind: "WON" as const, color: "#16a34a" },
      { pipelineId: pipeline.id, name: "Закрыто и не реализовано", position: 0, kind: "LOST" as const, color: "#dc2626" },
    ],
  });
  const stages = await tx.dealStage.findMany({ where: { pipelineId: pipeline.id, kind: "OPEN" }, orderBy: { position: "asc" }, select: { id: true, name: true } });

  // One customer per company (its contact persons under it), one person customer per private contact.
  const customers = new Map<string, { id: string; contacts: Map<string, string> }>();
  for (const deal of DEMO_DEALS) {
    const key = deal.company ?? `person:${deal.contact}`;
    let customer = customers.get(key);
    if (!customer) {
      const created = await tx.customer.create({
        data: deal.company
          ? { type: "COMPANY", name: deal.company, source: "demo", region: "RU", country: "RU", tags: ["b2b"] }
          : { type: "PERSON", name: deal.contact, source: "demo", region: "RU", country: "RU" },
        select: { id: true },
      });
      customer = { id: created.id, contacts: new Map() };
      customers.set(key, customer);
    }
    if (deal.company && !customer.contacts.has(deal.contact)) {
      const contact = await tx.contactPerson.create({ data: { customerId: customer.id, name: deal.contact, role: "Основной контакт" }, select: { id: true } });
      customer.contacts.set(deal.contact, contact.id);
    }
  }

  const columnCounts = new Map<string, number>();
  for (const [index, deal] of DEMO_DEALS.entries()) {
    const customer = customers.get(deal.company ?? `person:${deal.contact}`)!;
    const stageIndex = DEMO_OPEN_STAGES.indexOf(deal.stage);
    const stage = stages[stageIndex]!;
    // The first row of the table is the newest deal; each went through the stages before its own.
    const createdAt = new Date(now.getTime() - (index + 1) * 1.3 * DAY);
    const path = stages.slice(0, stageIndex + 1);
    const stepMs = (now.getTime() - createdAt.getTime()) / (path.length + 1);
    const responsibleId = responsibleIds.length ? responsibleIds[index % responsibleIds.length]! : null;
    const position = (columnCounts.get(stage.id) ?? 0) + 1;
    columnCounts.set(stage.id, position);
    await tx.deal.create({
      data: {
        title: deal.title,
        pipelineId: pipeline.id,
        stageId: stage.id,
        customerId: customer.id,
        contactPersonId: deal.company ? customer.contacts.get(deal.contact)! : null,
        responsibleId,
        budget: BigInt(deal.rub) * 100n, // whole roubles → kopecks
        currency: "RUB",
        probability: [10, 30, 50, 80][stageIndex] ?? null,
        sortOrder: position * 1024,
        tags: deal.rub >= 1_000_000 ? ["крупный"] : [],
        createdAt,
        stageChangedAt: new Date(createdAt.getTime() + stageIndex * stepMs),
        stageChanges: {
          create: path.map((step, stepIndex) => ({
            fromStageId: stepIndex === 0 ? null : path[stepIndex - 1]!.id,
            toStageId: step.id,
            userId: responsibleId,
            createdAt: new Date(createdAt.getTime() + stepIndex * stepMs),
          })),
        },
      },
      select: { id: true },
    });
  }
  return pipeline.id;
}
