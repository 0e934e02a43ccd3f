"use client";
// Add or edit a webhook endpoint: URL, description and the events it receives (grouped by
// object). After an add, the signing secret the server returned is shown once.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError } from "@/components/checkout/field-shell";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { initialActionState, tickedOr, typedOr, type ActionState } from "@/lib/forms/action-state";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_OBJECT_TYPES } from "@/lib/webhooks/event-types";
import { SecretBox } from "./secret-box";

type State = ActionState & { secret?: string; endpointId?: string };

interface Props {
  action: (state: State, formData: FormData) => Promise<State>;
  endpoint?: { id: string; url: string; description: string | null; events: string[] };
}

export function WebhookEndpointForm({ action, endpoint }: Props) {
  const t = useTranslations("webhooks");
  const [state, formAction, pending] = useActionState(action, initialActionState as State);
  const errors = state.fieldErrors ?? {};
  const prefix = endpoint ? `endpoint-${endpoint.id}` : "new-endpoint";
  return (
    <form key={JSON.stringify(state)} action={formAction} className="card flex flex-col gap-4" noValidate data-testid="webhook-endpoint-form">
      {endpoint ? <input type="hidden" name="endpointId" value={endpoint.id} /> : null}
      <div>
        <TextField
          id={`${prefix}-url`}
          name="url"
          type="url"
          label={t("url")}
          required
          maxLength={2000}
          placeholder="https://"
          defaultValue={typedOr(state, "url", state.status === "success" && !endpoint ? "" : (endpoint?.url ?? ""))}
          error={errors.url}
        />
        <p className="mt-1 text-xs text-slate-500">{t("urlHint")}</p>
      </div>
      <div>
        <TextField
          id={`${prefix}-description`}
          name="description"
          label={t("description")}
          maxLength={500}
          defaultValue={typedOr(state, "description", state.status === "success" && !endpoint ? "" : (endpoint?.description ?? ""))}
          error={errors.description}
        />
        <p className="mt-1 text-xs text-slate-500">{t("descriptionHint")}</p>
      </div>
      <fieldset aria-describedby={errors.events ? `${prefix}-events-error` : undefined}>
        <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("events")}</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {WEBHOOK_OBJECT_TYPES.map((object) => (
            <div key={object} className="flex flex-col gap-1">
              <span className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t(`eventGroups.${object}`)}</span>
              {WEBHOOK_EVENT_TYPES.filter((type) => type.startsWith(`${object}.`)).map((type) => (
                <label key={type} className="flex items-center gap-2 font-mono text-sm">
                  <input type="checkbox" name="events" value={type} defaultChecked={tickedOr(state, "events", type, endpoint?.events.includes(type) ?? false)} />
                  {type}
                </label>
              ))}
            </div>
          ))}
        </div>
        <FieldError inputId={`${prefix}-events`} message={errors.events} />
      </fieldset>
      <FormMessage state={state} testId="webhook-endpoint-result" />
      {state.secret ? <SecretBox secret={state.secret} /> : null}
      <button type="submit" className="btn self-start" disabled={pending}>
        {endpoint ? t("save") : pending ? t("creating") : t("create")}
      </button>
    </form>
  );
}
