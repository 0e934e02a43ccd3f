"use client";
// The segment settings: ABC cut-offs and the ordered RFM map (add, remove, move rules; each rule a
// name and from–to ranges of R, F and M). The map travels as one JSON field and is validated on
// the server; score combinations no rule maps are listed as a warning while editing.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { control, panel, primaryButton, secondaryButton, smallControl } from "@/components/ui/styles";
import { DEFAULT_RFM_MAP, uncoveredCombinations, type TCrmSegmentSettings, type TRfmRule } from "@/lib/crm/segments/segment-settings";
import { initialActionState, typedOr, type ActionState } from "@/lib/forms/action-state";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  settings: TCrmSegmentSettings;
}

const DIMENSIONS = ["r", "f", "m"] as const;
const SCORES = [1, 2, 3, 4, 5];
const smallButton = secondaryButton.replace("h-9", "h-8").replace("px-3.5", "px-2");

export function SegmentSettingsForm({ action, settings }: Props) {
  const t = useTranslations("crmSegments.settings");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [rules, setRules] = useState<TRfmRule[]>(settings.rfm);
  const error = (name: string) => state.fieldErrors?.[name];
  const uncovered = uncoveredCombinations(rules);
  const update = (index: number, patch: Partial<TRfmRule>) => setRules((current) => current.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)));
  const move = (index: number, by: number) =>
    setRules((current) => {
      const next = [...current];
      const [rule] = next.splice(index, 1);
      next.splice(index + by, 0, rule!);
      return next;
    });

  return (
    <form action={formAction} className={`${panel} grid gap-5 p-6 print:hidden`} data-testid="segment-settings-form" noValidate>
      <div className="grid max-w-xl gap-4 sm:grid-cols-2">
        {(["abcA", "abcB"] as const).map((name) => (
          <div key={name} className="flex flex-col gap-1">
            <label htmlFor={`segments-${name}`} className="text-sm font-medium text-slate-700">
              {t(name)}
            </label>
            <input
              id={`segments-${name}`}
              name={name}
              inputMode="numeric"
              defaultValue={typedOr(state, name, String(name === "abcA" ? settings.abc.a : settings.abc.b))}
              aria-invalid={error(name) ? true : undefined}
              className={control}
            />
            {error(name) ? (
              <span className="text-xs text-red-700" data-testid={`error-${name}`}>
                {error(name)}
              </span>
            ) : null}
          </div>
        ))}
      </div>

      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("rules")}</legend>
        <input type="hidden" name="rules" value={JSON.stringify(rules)} />
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="py-1 pr-2">#</th>
                <th className="py-1 pr-2">{t("name")}</th>
                {DIMENSIONS.map((dimension) => (
                  <th key={dimension} className="py-1 pr-2">
                    {t(dimension)}
                  </th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {rules.map((rule, index) => (
                <tr key={index} className="align-top" data-testid={`rule-${index}`}>
                  <td className="py-1 pr-2 text-slate-500">{index + 1}</td>
                  <td className="py-1 pr-2">
                    <input aria-label={t("name")} value={rule.name} maxLength={40} onChange={(event) => update(index, { name: event.target.value })} className={`${smallControl} w-48`} />
                    {error(`rfm.${index}.name`) ? <span className="text-xs text-red-700">{error(`rfm.${index}.name`)}</span> : null}
                  </td>
                  {DIMENSIONS.map((dimension) => (
                    <td key={dimension} className="py-1 pr-2">
                      <div className="flex items-center gap-1">
                        {([0, 1] as const).map((end) => (
                          <select
                            key={end}
                            aria-label={`${t(dimension)} ${t(end === 0 ? "from" : "to")}`}
                            value={rule[dimension][end]}
                            onChange={(event) => {
                              const range: [number, number] = [...rule[dimension]];
                              range[end] = Number(event.target.value);
                              update(index, { [dimension]: range });
                            }}
                            className={smallControl}
                          >
                            {SCORES.map((score) => (
                              <option key={score} value={score}>
                                {score}
                              </option>
                            ))}
                          </select>
                        ))}
                      </div>
                      {error(`rfm.${index}.${dimension}`) ? <span className="text-xs text-red-700">{error(`rfm.${index}.${dimension}`)}</span> : null}
                    </td>
                  ))}
                  <td className="flex gap-1 py-1">
                    <button type="button" className={smallButton} aria-label={t("up")} title={t("up")} disabled={index === 0} onClick={() => move(index, -1)}>
                      ↑
                    </button>
                    <button type="button" className={smallButton} aria-label={t("down")} title={t("down")} disabled={index === rules.length - 1} onClick={() => move(index, 1)}>
                      ↓
                    </button>
                    <button
                      type="button"
                      className={`${smallButton} text-red-700`}
                      aria-label={t("remove")}
                      title={t("remove")}
                      onClick={() => setRules((current) => current.filter((_, at) => at !== index))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {error("rules") ? <span className="text-xs text-red-700">{error("rules")}</span> : null}
        <div className="flex gap-2">
          <button type="button" className={smallButton} onClick={() => setRules((current) => [...current, { name: "", r: [1, 5], f: [1, 5], m: [1, 5] }])}>
            {t("add")}
          </button>
          <button type="button" className={smallButton} onClick={() => setRules(DEFAULT_RFM_MAP)}>
            {t("reset")}
          </button>
        </div>
        <p className={`rounded-md px-3 py-2 text-sm ${uncovered.length ? "bg-amber-50 text-amber-900" : "bg-slate-50 text-slate-600"}`} data-testid="uncovered-warning">
          {uncovered.length
            ? t("uncovered", {
                count: uncovered.length,
                examples: uncovered
                  .slice(0, 8)
                  .map(({ r, f, m }) => `${r}${f}${m}`)
                  .join(", ")
                  .concat(uncovered.length > 8 ? ", …" : ""),
              })
            : t("allCovered")}
        </p>
      </fieldset>

      <FormMessage state={state} testId="segment-settings-message" />
      <div>
        <button type="submit" className={primaryButton} disabled={pending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
