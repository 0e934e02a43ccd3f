import { describe, expect, it } from "vitest";
import { contactsReportCsv } from "./contacts-report-csv";

const labels = {
  employee: "Сотрудник",
  CALL: "Звонки",
  EMAIL: "Письма",
  MEETING: "Встречи",
  NOTE: "Заметки",
  total: "Всего",
  withResult: "С результатом",
  withNextStep: "Со следующим шагом",
  noEmployee: "Без сотрудника",
  totalRow: "Итого",
};

describe("contactsReportCsv", () => {
  it("writes one row per employee and a totals row, defusing formula-like names", () => {
    const csv = contactsReportCsv(
      {
        rows: [
          { userId: "u1", userName: "=Мария, старший", byKind: { CALL: 3, EMAIL: 1, MEETING: 0, NOTE: 2 }, total: 6, withResult: 4, withNextStep: 1 },
          { userId: null, userName: null, byKind: { CALL: 1, EMAIL: 0, MEETING: 0, NOTE: 0 }, total: 1, withResult: 0, withNextStep: 0 },
        ],
        totals: { byKind: { CALL: 4, EMAIL: 1, MEETING: 0, NOTE: 2 }, total: 7, withResult: 4, withNextStep: 1 },
      },
      labels,
    );
    expect(csv.split("\r\n")).toEqual([
      "Сотрудник,Звонки,Письма,Встречи,Заметки,Всего,С результатом,Со следующим шагом",
      `"'=Мария, старший",3,1,0,2,6,4,1`,
      "Без сотрудника,1,0,0,0,1,0,0",
      "Итого,4,1,0,2,7,4,1",
      "",
    ]);
  });
});
