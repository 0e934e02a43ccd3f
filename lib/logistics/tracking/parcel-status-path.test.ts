import { describe, expect, it } from "vitest";
import { parcelStatusPath } from "./parcel-status-path";
import { orderStatusOfOperation } from "./tracking-adapter";

describe("parcelStatusPath", () => {
  it.each([
    ["CONFIRMED", "SHIPPED", ["SHIPPED"]],
    ["CONFIRMED", "DELIVERED", ["SHIPPED", "DELIVERED"]],
    ["SHIPPED", "DELIVERED", ["DELIVERED"]],
    ["SHIPPED", "HANDED", ["HANDED"]],
    ["SHIPPED", "PAID", ["HANDED", "PAID"]],
    ["DELIVERED", "PAID", ["HANDED", "PAID"]],
    ["HANDED", "PAID", ["PAID"]],
    ["SHIPPED", "RETURNED", ["RETURNED"]],
    ["HANDED", "RETURNED", ["RETURNED"]],
    ["CONFIRMED", "RETURNED", ["SHIPPED", "RETURNED"]],
    // Only forward: late or repeated reports move nothing.
    ["DELIVERED", "SHIPPED", []],
    ["HANDED", "DELIVERED", []],
    ["PAID", "RETURNED", []],
    ["RETURNED", "HANDED", []],
    ["PAID", "PAID", []],
    ["CANCELLED", "SHIPPED", []],
    ["UNCONFIRMED", "SHIPPED", []],
  ] as const)("%s → %s: %j", (current, target, path) => {
    expect(parcelStatusPath(current, target)).toEqual(path);
  });
});

describe("orderStatusOfOperation (Russian Post codes)", () => {
  it.each([
    [{ source: "history", type: 1, attr: 1 }, "SHIPPED"], // Приём / Единичный
    [{ source: "history", type: 8, attr: 2 }, "DELIVERED"], // Обработка / Прибыло в место вручения
    [{ source: "history", type: 8, attr: 0 }, null], // Обработка / Сортировка
    [{ source: "history", type: 8, attr: 3 }, null], // Прибыло в сортировочный центр
    [{ source: "history", type: 2, attr: 1 }, "HANDED"], // Вручение адресату
    [{ source: "history", type: 2, attr: 3 }, "HANDED"], // Выдано адресату через почтомат
    [{ source: "history", type: 2, attr: 2 }, "RETURNED"], // Вручение отправителю
    [{ source: "history", type: 2, attr: 9 }, "RETURNED"], // Отправителю курьером
    [{ source: "history", type: 3, attr: 1 }, "RETURNED"], // Возврат / Истёк срок хранения
    [{ source: "history", type: 12, attr: 1 }, null], // Неудачная попытка вручения
    [{ source: "cod", type: 1, attr: null }, null], // COD transfer: Приём
    [{ source: "cod", type: 3, attr: null }, "PAID"], // COD transfer: Оплата
  ] as const)("%j → %s", (operation, status) => {
    expect(orderStatusOfOperation(operation)).toBe(status);
  });
});
