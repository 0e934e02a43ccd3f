/** The result line under a form: green when done, red (and announced) when refused. */
export function FormMessage({ state, testId }: { state: { status: "idle" | "success" | "error"; message?: string }; testId?: string }) {
  if (state.status === "idle" || !state.message) return null;
  const error = state.status === "error";
  return (
    <p role={error ? "alert" : "status"} data-testid={testId} className={`rounded-md px-3 py-2 text-sm ${error ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-900"}`}>
      {state.message}
    </p>
  );
}
