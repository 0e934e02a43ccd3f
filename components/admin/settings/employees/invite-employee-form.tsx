"use client";
// Invite an employee: name, email and role; the server creates the account and mails the link.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError } from "@/components/checkout/field-shell";
import { TextField } from "@/components/ui/text-field";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  roles: { value: string; label: string }[];
}

export function InviteEmployeeForm({ action, roles }: Props) {
  const t = useTranslations("settings.employees");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ?? {};
  const input = (name: "name" | "email", type: string, maxLength: number) => (
    <TextField id={`invite-${name}`} name={name} label={t(name)} error={errors[name]} type={type} required maxLength={maxLength} defaultValue={typedOr(state, name, "")} />
  );
  return (
    <form key={JSON.stringify(state)} action={formAction} className="card flex flex-col gap-4" noValidate data-testid="invite-form">
      {input("name", "text", 200)}
      {input("email", "email", 254)}
      <div>
        <label htmlFor="invite-role" className="mb-1.5 block text-sm font-medium text-slate-700">
          {t("role")}
        </label>
        <select id="invite-role" name="role" className="input" defaultValue={typedOr(state, "role", "OPERATOR")}>
          {roles.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <FieldError inputId="invite-role" message={errors.role} />
      </div>
      <FormMessage state={state} testId="invite-result" />
      <button type="submit" className="btn self-start" disabled={pending}>
        {pending ? t("inviting") : t("invite")}
      </button>
    </form>
  );
}
