import type { ActionState } from "@/components/admin/orders/action-state";

/**
 * What a settings form's Server Action answers. On an error it also hands back what was typed:
 * React resets a form after its action, and the fields would otherwise lose the input the
 * error is about.
 */
export interface SettingsActionState extends ActionState {
  values?: Record<string, string | string[]>;
}

export const initialSettingsState: SettingsActionState = { status: "idle" };

/** The typed value of a field after a refused save, else the stored one. */
export function typedOr(state: SettingsActionState, name: string, stored: string): string {
  const value = state.status === "error" ? state.values?.[name] : undefined;
  return typeof value === "string" ? value : stored;
}

/** Whether a checkbox was ticked in a refused save, else whether it is stored as on. */
export function tickedOr(state: SettingsActionState, name: string, value: string, stored: boolean): boolean {
  if (state.status !== "error" || !state.values) return stored;
  const typed = state.values[name];
  return Array.isArray(typed) ? typed.includes(value) : typed === value;
}
