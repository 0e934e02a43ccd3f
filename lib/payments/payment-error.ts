// Why a card payment could not start, as a reason the pay page translates (messages "payments").
import { AppError, type ErrorCode } from "@/lib/errors";

export type PaymentErrorReason = "notFound" | "notPrepaid" | "orderClosed" | "unavailable" | "currencyUnsupported" | "providerError";

export class PaymentError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly reason: PaymentErrorReason,
    cause?: unknown,
  ) {
    super(code, message, { cause });
    this.name = "PaymentError";
  }
}
