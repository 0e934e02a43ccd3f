"use client";
// The first-run form (/setup): the first owner's email, name and password (twice). The server
// checks everything, the setup token included; this only shows its localised refusals and keeps
// what was typed (never the passwords).
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

interface Props {
  /** The one-time token from the link `npm start` printed, passed through untouched. */
  token?: string;
  action: (state: ActionState<Record<string, string>>, formData: FormData) => Promise<ActionState<Record<string, string>>>;
}

type FieldName = "email" | "name" | "password" | "confirm";

export function SetupForm({ token, action }: Props) {
  const t = useTranslations("setup");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = state.fieldErrors ?? {};

  const field = (name: FieldName, options: { type: string; autoComplete: string; maxLength: number }) => (
    <TextField
      id={`setup-${name}`}
      name={name}
      label={t(name)}
      error={errors[name]}
      type={options.type}
      autoComplete={options.autoComplete}
      required
      maxLength={options.maxLength}
      defaultValue={options.type === "password" ? undefined : (state.values?.[name] ?? "")}
    />
  );

  return (
    // key: a refused submit remounts the inputs so defaultValue shows what was sent.
    <form key={JSON.stringify(state.values ?? {})} action={formAction} className="flex flex-col gap-4" noValidate data-testid="setup-form">
      {token ? <input type="hidden" name="token" value={token} /> : null}
      {field("email", { type: "email", autoComplete: "email", maxLength: 254 })}
      {field("name", { type: "text", autoComplete: "name", maxLength: 200 })}
      {field("password", { type: "password", autoComplete: "new-password", maxLength: 200 })}
      {field("confirm", { type: "password", autoComplete: "new-password", maxLength: 200 })}
      <FormMessage state={state} />
      <button className="btn" type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
