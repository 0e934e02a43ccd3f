// The people and records the CRM task and interaction tests work on, all unique to one run (so
// test files running side by side never see each other's rows), and their removal afterwards.
import { db } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";

export type CrmWorld = Awaited<ReturnType<typeof createCrmWorld>>;

export async function createCrmWorld(run: string) {
  const domain = `crm-${run}.lavka.test`;
  const user = async (key: string, role: Role, extra: { isActive?: boolean; locale?: string } = {}) => {
    const created = await db.user.create({ data: { email: `${key}@${domain}`, name: `${key} ${run}`, role, passwordHash: "x", ...extra }, select: { id: true, role: true, email: true } });
    return created;
  };
  const users = {
    owner: await user("owner", "OWNER"),
    manager: await user("manager", "MANAGER", { locale: "en" }),
    operator: await user("operator", "OPERATOR"),
    operator2: await user("operator2", "OPERATOR"),
    logistics: await user("logistics", "LOGISTICS"),
    accountant: await user("accountant", "ACCOUNTANT"),
    inactive: await user("inactive", "MANAGER", { isActive: false }),
  };
  await db.currency.upsert({ where: { code: "RUB" }, update: {}, create: { code: "RUB", name: "RUB", symbol: "₽" } }).catch(() => undefined);
  const product = await db.product.create({ data: { slug: `crm-${run}`, name: `CRM watch ${run}`, currency: "RUB" }, select: { id: true } });
  const customer = (name: string) => db.customer.create({ data: { name: `${name} ${run}` }, select: { id: true } });
  const customerA = await customer("Анна");
  const customerB = await customer("Борис");
  const personA = await db.contactPerson.create({ data: { customerId: customerA.id, name: `Контакт А ${run}` }, select: { id: true } });
  const personB = await db.contactPerson.create({ data: { customerId: customerB.id, name: `Контакт Б ${run}` }, select: { id: true } });
  const order = (customerId: string) =>
    db.order.create({
      data: {
        status: "UNCONFIRMED",
        paymentMethod: "COD",
        customerId,
        productId: product.id,
        region: "RU",
        country: "RU",
        currency: "RUB",
        itemsTotal: 195000, // 1,950.00 RUB
        total: 195000, // 1,950.00 RUB
        items: { create: [{ productId: product.id, productName: `CRM watch ${run}`, quantity: 1, unitPrice: 195000, total: 195000 }] },
      },
      select: { id: true, number: true },
    });
  const orderA = await order(customerA.id);
  const orderB = await order(customerB.id);
  const pipeline = await db.pipeline.create({
    data: { name: `Pipeline ${run}`, stages: { create: [{ name: "Первичный контакт", position: 0 }] } },
    select: { id: true, stages: { select: { id: true } } },
  });
  const deal = (title: string, customerId: string | null) =>
    db.deal.create({ data: { title: `${title} ${run}`, pipelineId: pipeline.id, stageId: pipeline.stages[0]!.id, customerId, currency: "RUB", budget: 1_000_000n }, select: { id: true } });
  const dealA = await deal("Сделка А", customerA.id);
  const dealWithoutCustomer = await deal("Сделка без клиента", null);
  return { run, domain, users, product, customerA, customerB, personA, personB, orderA, orderB, pipeline, dealA, dealWithoutCustomer };
}

/** The actor form of a fixture user. */
export const actorOf = (user: { id: string; role: Role }) => ({ id: user.id, role: user.role });

export async function removeCrmWorld(world: CrmWorld | undefined) {
  if (!world) return;
  const userIds = Object.values(world.users).map((user) => user.id);
  const customerIds = [world.customerA.id, world.customerB.id];
  await db.task.deleteMany({ where: { OR: [{ assigneeId: { in: userIds } }, { createdById: { in: userIds } }, { customerId: { in: customerIds } }] } });
  await db.interaction.deleteMany({ where: { OR: [{ userId: { in: userIds } }, { customerId: { in: customerIds } }] } });
  await db.outboxEvent.deleteMany({ where: { jobName: "mail.send", payload: { path: ["to"], string_ends_with: `@${world.domain}` } } });
  await db.mailMessage.deleteMany({ where: { toAddress: { endsWith: `@${world.domain}` } } });
  await db.deal.deleteMany({ where: { pipelineId: world.pipeline.id } });
  await db.pipeline.deleteMany({ where: { id: world.pipeline.id } });
  await db.order.deleteMany({ where: { productId: world.product.id } });
  await db.customer.deleteMany({ where: { id: { in: customerIds } } });
  await db.product.deleteMany({ where: { id: world.product.id } });
  await db.user.deleteMany({ where: { id: { in: userIds } } });
}
