// A local stand-in for Russian Post's tracking service (https://tracking.russianpost.ru/rtm34),
// for tests: an HTTP server that answers getOperationHistory and PostalOrderEventsForMail with
// SOAP 1.2 envelopes shaped like the real service's (the ns3 operation-history namespace, the
// AddressParameters / FinanceParameters / ItemParameters / OperationParameters / UserParameters
// blocks of every historyRecord, the ns6 PostalOrderEventsForMaiOutput with attribute-only
// events, a SOAP Fault for a refused login), with each parcel's operations scripted by the test.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ScriptedOperation {
  type: number;
  typeName: string;
  attr: number;
  attrName: string;
  at: string;
  index: string;
  place: string;
}

export interface ScriptedCodEvent {
  type: number;
  name: string;
  at: string;
  index: string;
  sum: number;
}

export interface RecordedRequest {
  action: "getOperationHistory" | "PostalOrderEventsForMail" | "unknown";
  barcode: string | null;
  login: string | null;
  password: string | null;
  messageType: string | null;
  language: string | null;
  contentType: string | undefined;
}

const NAMESPACES =
  'xmlns:ns2="http://russianpost.org/sms-info/data" xmlns:ns3="http://russianpost.org/operationhistory/data" xmlns:ns4="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns5="http://www.russianpost.org/custom-duty-info/data" xmlns:ns6="http://www.russianpost.org/RTM/DataExchangeESPP/Data" xmlns:ns7="http://russianpost.org/operationhistory"';
const RUSSIA = "<ns3:Id>643</ns3:Id><ns3:Code2A>RU</ns3:Code2A><ns3:Code3A>RUS</ns3:Code3A><ns3:NameRU>Российская Федерация</ns3:NameRU><ns3:NameEN>Russian Federation</ns3:NameEN>";

export const OPERATIONS = {
  accepted: (at: string): ScriptedOperation => ({ type: 1, typeName: "Прием", attr: 1, attrName: "Единичный", at, index: "101000", place: "Москва 101" }),
  sorting: (at: string): ScriptedOperation => ({ type: 8, typeName: "Обработка", attr: 3, attrName: "Прибыло в сортировочный центр", at, index: "140980", place: "Московский АСЦ" }),
  arrived: (at: string): ScriptedOperation => ({ type: 8, typeName: "Обработка", attr: 2, attrName: "Прибыло в место вручения", at, index: "170100", place: "Тверь 100" }),
  handed: (at: string): ScriptedOperation => ({ type: 2, typeName: "Вручение", attr: 1, attrName: "Вручение адресату", at, index: "170100", place: "Тверь 100" }),
  expired: (at: string): ScriptedOperation => ({ type: 3, typeName: "Возврат", attr: 1, attrName: "Истек срок хранения", at, index: "170100", place: "Тверь 100" }),
  handedToSender: (at: string): ScriptedOperation => ({ type: 2, typeName: "Вручение", attr: 2, attrName: "Вручение отправителю", at, index: "101000", place: "Москва 101" }),
};

function historyRecord(barcode: string, operation: ScriptedOperation) {
  return `<ns3:historyRecord><ns3:AddressParameters><ns3:DestinationAddress><ns3:Index>170100</ns3:Index><ns3:Description>Тверь 100</ns3:Description></ns3:DestinationAddress><ns3:OperationAddress><ns3:Index>${operation.index}</ns3:Index><ns3:Description>${operation.place}</ns3:Description></ns3:OperationAddress><ns3:MailDirect>${RUSSIA}</ns3:MailDirect><ns3:CountryOper>${RUSSIA}</ns3:CountryOper></ns3:AddressParameters><ns3:FinanceParameters><ns3:Payment>249000</ns3:Payment><ns3:Value>249000</ns3:Value><ns3:MassRate>21000</ns3:MassRate><ns3:InsrRate>1200</ns3:InsrRate><ns3:AirRate>0</ns3:AirRate><ns3:Rate>0</ns3:Rate><ns3:CustomDuty>0</ns3:CustomDuty></ns3:FinanceParameters><ns3:ItemParameters><ns3:Barcode>${barcode}</ns3:Barcode><ns3:ValidRuType>true</ns3:ValidRuType><ns3:ValidEnType>false</ns3:ValidEnType><ns3:ComplexItemName>Посылка с объявленной ценностью и наложенным платежом</ns3:ComplexItemName><ns3:MailRank><ns3:Id>0</ns3:Id><ns3:Name>Без разряда</ns3:Name></ns3:MailRank><ns3:MailType><ns3:Id>4</ns3:Id><ns3:Name>Посылка</ns3:Name></ns3:MailType><ns3:MailCtg><ns3:Id>4</ns3:Id><ns3:Name>С объявленной ценностью и наложенным платежом</ns3:Name></ns3:MailCtg><ns3:Mass>850</ns3:Mass></ns3:ItemParameters><ns3:OperationParameters><ns3:OperType><ns3:Id>${operation.type}</ns3:Id><ns3:Name>${operation.typeName}</ns3:Name></ns3:OperType><ns3:OperAttr><ns3:Id>${operation.attr}</ns3:Id><ns3:Name>${operation.attrName}</ns3:Name></ns3:OperAttr><ns3:OperDate>${operation.at}</ns3:OperDate></ns3:OperationParameters><ns3:UserParameters><ns3:SendCtg><ns3:Id>1</ns3:Id><ns3:Name>Население</ns3:Name></ns3:SendCtg><ns3:Sndr>ЛАВКА</ns3:Sndr><ns3:Rcpn>ПЕТРОВ И</ns3:Rcpn></ns3:UserParameters></ns3:historyRecord>`;
}

const envelope = (body: string) => `<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="http://www.w3.org/2003/05/soap-envelope"><S:Body>${body}</S:Body></S:Envelope>`;

function fault(reason: string) {
  return envelope(
    `<S:Fault xmlns:ns4="http://schemas.xmlsoap.org/soap/envelope/"><S:Code><S:Value>S:Receiver</S:Value></S:Code><S:Reason><S:Text xml:lang="ru">${reason}</S:Text></S:Reason><S:Detail><ns3:OperationHistoryFaultReason xmlns:ns3="http://russianpost.org/operationhistory/data">${reason}</ns3:OperationHistoryFaultReason></S:Detail></S:Fault>`,
  );
}

const unescapeXml = (value: string) =>
  value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
const tag = (xml: string, name: string) => {
  const value = new RegExp(`<(?:\\w+:)?${name}[^>]*>([^<]*)</(?:\\w+:)?${name}>`).exec(xml)?.[1];
  return value === undefined ? null : unescapeXml(value);
};

export async function startRussianPostDouble(credentials: { login: string; password: string }) {
  const history = new Map<string, ScriptedOperation[]>();
  const cod = new Map<string, ScriptedCodEvent[]>();
  const requests: RecordedRequest[] = [];
  /** Milliseconds each answer waits (to make concurrent runs overlap). */
  let delayMs = 0;

  const server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const action = /getOperationHistory/.test(body) ? "getOperationHistory" : /PostalOrderEventsForMail/.test(body) ? "PostalOrderEventsForMail" : "unknown";
      const barcode = action === "PostalOrderEventsForMail" ? (/Barcode="([^"]*)"/.exec(body)?.[1] ?? null) : tag(body, "Barcode");
      const recorded: RecordedRequest = {
        action,
        barcode,
        login: tag(body, "login"),
        password: tag(body, "password"),
        messageType: tag(body, "MessageType"),
        language: action === "PostalOrderEventsForMail" ? (/Language="([^"]*)"/.exec(body)?.[1] ?? null) : tag(body, "Language"),
        contentType: request.headers["content-type"],
      };
      requests.push(recorded);
      const send = (status: number, xml: string) =>
        setTimeout(() => {
          response.writeHead(status, { "content-type": "application/soap+xml;charset=utf-8" });
          response.end(xml);
        }, delayMs);
      if (recorded.login !== credentials.login || recorded.password !== credentials.password) return send(500, fault("Ошибка авторизации"));
      if (action === "getOperationHistory") {
        const records = (history.get(barcode ?? "") ?? []).map((operation) => historyRecord(barcode!, operation)).join("");
        return send(200, envelope(`<ns7:getOperationHistoryResponse ${NAMESPACES}><ns3:OperationHistoryData>${records}</ns3:OperationHistoryData></ns7:getOperationHistoryResponse>`));
      }
      if (action === "PostalOrderEventsForMail") {
        const events = (cod.get(barcode ?? "") ?? [])
          .map(
            (event, index) =>
              `<PostalOrderEvent Number="${40000 + index}" EventDateTime="${event.at}" EventType="${event.type}" EventName="${event.name}" IndexTo="101000" IndexEvent="${event.index}" SumPaymentForward="${event.sum}" CountryEventCode="RU" CountryToCode="RU"/>`,
          )
          .join("");
        return send(
          200,
          envelope(
            `<ns7:PostalOrderEventsForMailResponse ${NAMESPACES}><ns6:PostalOrderEventsForMaiOutput>${events}</ns6:PostalOrderEventsForMaiOutput></ns7:PostalOrderEventsForMailResponse>`,
          ),
        );
      }
      return send(500, fault("Unknown operation"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/rtm34`,
    requests,
    history,
    cod,
    setDelay(ms: number) {
      delayMs = ms;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
