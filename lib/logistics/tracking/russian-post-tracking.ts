// Russian Post's tracking API, single access (https://tracking.russianpost.ru/rtm34, SOAP 1.2):
// getOperationHistory (OperationHistoryRequest: Barcode, MessageType 0, Language RUS, with the
// AuthorizationHeader login/password) and PostalOrderEventsForMail (the COD transfer's events).
// Plain fetch with a timeout and fast-xml-parser: the service has one WSDL and two calls, a SOAP
// toolkit would add more than it saves. Namespace prefixes differ between responses (ns3, ns6,
// none), so they are dropped before reading.
import { XMLParser } from "fast-xml-parser";
import type { CarrierOperation, TrackingAdapter } from "./tracking-adapter";
import { TrackingRequestError } from "./tracking-adapter";

export const RUSSIAN_POST_CARRIER = "russian-post";

export interface RussianPostTrackingOptions {
  url: string;
  login: string;
  password: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === "historyRecord" || name === "PostalOrderEvent",
});

const escapeXml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

type XmlNode = Record<string, unknown>;
const node = (value: unknown): XmlNode => (value && typeof value === "object" ? (value as XmlNode) : {});
const text = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === "object") return text((value as XmlNode)["#text"]);
  const trimmed = String(value).trim();
  return trimmed === "" ? null : trimmed;
};
const integer = (value: unknown): number | null => {
  const raw = text(value);
  return raw !== null && /^-?\d+$/.test(raw) ? Number(raw) : null;
};

export function createRussianPostTracking(options: RussianPostTrackingOptions): TrackingAdapter {
  const doFetch = options.fetch ?? fetch;
  const auth = `<data:AuthorizationHeader soap:mustUnderstand="1"><data:login>${escapeXml(options.login)}</data:login><data:password>${escapeXml(options.password)}</data:password></data:AuthorizationHeader>`;
  const envelope = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:oper="http://russianpost.org/operationhistory" xmlns:data="http://russianpost.org/operationhistory/data" xmlns:data1="http://www.russianpost.org/RTM/DataExchangeESPP/Data"><soap:Header/><soap:Body>${body}</soap:Body></soap:Envelope>`;

  async function call(action: string, body: string): Promise<XmlNode> {
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: "POST",
        headers: { "content-type": `application/soap+xml;charset=UTF-8;action="${action}"` },
        body: envelope(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
    } catch (error) {
      throw new TrackingRequestError(`Russian Post tracking unreachable: ${(error as Error).message}`);
    }
    const xml = await response.text();
    let parsed: XmlNode;
    try {
      parsed = node(parser.parse(xml));
    } catch {
      throw new TrackingRequestError(`Russian Post tracking answered HTTP ${response.status} with something that is not XML`);
    }
    const soapBody = node(node(parsed.Envelope).Body);
    if (soapBody.Fault) {
      const fault = node(soapBody.Fault);
      const reason = text(node(node(fault.Reason).Text)) ?? text(fault.Reason) ?? text(fault.faultstring) ?? "SOAP fault";
      const detail = JSON.stringify(fault.Detail ?? fault.detail ?? "").slice(0, 300);
      throw new TrackingRequestError(`Russian Post tracking fault: ${reason}${detail && detail !== '""' ? ` ${detail}` : ""}`);
    }
    if (!response.ok) throw new TrackingRequestError(`Russian Post tracking answered HTTP ${response.status}`);
    return soapBody;
  }

  return {
    carrier: RUSSIAN_POST_CARRIER,

    async getOperationHistory(barcode) {
      const body = await call(
        "http://russianpost.org/operationhistory/OperationHistory12/getOperationHistoryRequest",
        `<oper:getOperationHistory><data:OperationHistoryRequest><data:Barcode>${escapeXml(barcode)}</data:Barcode><data:MessageType>0</data:MessageType><data:Language>RUS</data:Language></data:OperationHistoryRequest>${auth}</oper:getOperationHistory>`,
      );
      const records = node(node(body.getOperationHistoryResponse).OperationHistoryData).historyRecord;
      return (Array.isArray(records) ? records : []).flatMap((record): CarrierOperation[] => {
        const operation = node(node(record).OperationParameters);
        const address = node(node(node(record).AddressParameters).OperationAddress);
        const type = integer(node(operation.OperType).Id);
        const operatedAt = new Date(text(operation.OperDate) ?? "");
        if (type === null || Number.isNaN(operatedAt.getTime())) return [];
        return [
          {
            source: "history",
            type,
            attr: integer(node(operation.OperAttr).Id),
            typeName: text(node(operation.OperType).Name),
            attrName: text(node(operation.OperAttr).Name),
            operatedAt,
            postcode: text(address.Index),
            place: text(address.Description),
          },
        ];
      });
    },

    async getCodEvents(barcode) {
      const body = await call(
        "http://russianpost.org/operationhistory/OperationHistory12/PostalOrderEventsForMailRequest",
        `<oper:PostalOrderEventsForMail>${auth}<data1:PostalOrderEventsForMailInput Barcode="${escapeXml(barcode)}" Language="RUS"/></oper:PostalOrderEventsForMail>`,
      );
      const events = node(node(body.PostalOrderEventsForMailResponse).PostalOrderEventsForMaiOutput).PostalOrderEvent;
      return (Array.isArray(events) ? events : []).flatMap((event): CarrierOperation[] => {
        const fields = node(event);
        const type = integer(fields.EventType);
        const operatedAt = new Date(text(fields.EventDateTime) ?? "");
        if (type === null || Number.isNaN(operatedAt.getTime())) return [];
        return [{ source: "cod", type, attr: null, typeName: text(fields.EventName), attrName: null, operatedAt, postcode: text(fields.IndexEvent), place: null }];
      });
    },
  };
}
