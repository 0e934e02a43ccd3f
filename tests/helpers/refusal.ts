// The AppError a call is refused with: fails the test when the call succeeds or throws anything else.
import { expect } from "vitest";
import { AppError } from "@/lib/errors";

export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
