"use client";
// An employee's role: a select and a save button; the server refuses demoting the last owner.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { secondaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  userId: string;
  role: string;
  roles: { value: string; label: string }[];
}

export function EmployeeRoleForm({ action, userId, role, roles }: Props) {
  const t = useTranslations("settings.employees");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-1" data-testid="role-form">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <select name="role" defaultValue={role} className="input h-8 py-0" aria-label={t("role")}>
          {roles.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <button type="submit" className={secondaryButton.replace("h-9", "h-8").replace("px-3.5", "px-2.5")} disabled={pending}>
          {t("saveRole")}
        </button>
      </div>
      {state.status === "error" && state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {Object.values(state.fieldErrors ?? {})[0] ?? state.message}
        </span>
      ) : null}
    </form>
  );
}
