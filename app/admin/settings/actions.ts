"use server";
// Server Actions of the settings section (OWNER only). Each one: authorise, read the form, call
// the domain operation (which validates with zod, re-checks the role, writes the audit row and
// clears checkout's caches), revalidate; failures come back as localised messages.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { assertStaff } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { clearCheckoutCaches } from "@/lib/checkout/load-checkout-context";
import { clientIpFrom } from "@/lib/client-ip";
import { checkShopReferences } from "@/lib/countries/check-shop-references";
import { setCountryEnabled } from "@/lib/countries/set-country-enabled";
import { updateCountry } from "@/lib/countries/update-country";
import { setCurrencyEnabled } from "@/lib/currencies/set-currency-enabled";
import { setExchangeRate } from "@/lib/currencies/set-exchange-rate";
import { isStripeEnabled } from "@/lib/env";
import { actionError } from "@/lib/forms/action-error";
import type { ActionState } from "@/lib/forms/action-state";
import { getShopSettings } from "@/lib/settings/get-shop-settings";
import { updateShopSettings } from "@/lib/settings/update-shop-settings";
import { createShippingRule } from "@/lib/shipping/create-shipping-rule";
import { deleteShippingRule } from "@/lib/shipping/delete-shipping-rule";
import { updateShippingRule } from "@/lib/shipping/update-shipping-rule";

/** Field errors are i18n keys from the domain schemas ("settings.errors.rateInvalid", "checkoutErrors.outOfRange"); what was typed goes back with them. */
const settingsError = (error: unknown, formData: FormData) => actionError(error, { namespace: "settings.errors", formData, log: "settings action" });

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};
const checked = (formData: FormData, name: string) => formData.get(name) === "on";
/** A whole number as typed; anything else goes through as text so the schema names the field. */
const wholeNumber = (formData: FormData, name: string): unknown => {
  const value = text(formData, name)?.trim() ?? "";
  return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
};

async function staff() {
  const actor = await assertStaff(sectionRoles("settings"));
  return { actor: { id: actor.id, role: actor.role }, context: { ip: clientIpFrom(await headers()) } };
}

async function saved(): Promise<ActionState> {
  // The domain operations clear their own process's caches; this covers the shop settings too.
  clearCheckoutCaches();
  revalidatePath("/admin/settings");
  return { status: "success", message: (await getTranslations("settings"))("saved") };
}

export async function saveShopSettingsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await staff();
    let paymentMethods = formData.getAll("paymentMethodsEnabled").map(String);
    // Card payment can only be switched while Stripe is configured; otherwise the stored choice stays.
    if (!isStripeEnabled()) {
      const stored = (await getShopSettings({ fresh: true })).paymentMethodsEnabled;
      paymentMethods = [...paymentMethods.filter((method) => method !== "PREPAID"), ...(stored.includes("PREPAID") ? ["PREPAID"] : [])];
    }
    const patch = {
      shopName: text(formData, "shopName"),
      shopEmail: text(formData, "shopEmail")?.trim(),
      shopLocale: text(formData, "shopLocale"),
      defaultCountry: text(formData, "defaultCountry"),
      confirmLinkTtlHours: wholeNumber(formData, "confirmLinkTtlHours"),
      duplicateWindowHours: wholeNumber(formData, "duplicateWindowHours"),
      checkoutCurrenciesShown: formData.getAll("checkoutCurrenciesShown").map(String),
      paymentMethodsEnabled: paymentMethods,
    };
    await checkShopReferences(patch);
    await updateShopSettings(patch, actor, context);
    return await saved();
  } catch (error) {
    return settingsError(error, formData);
  }
}

export async function setExchangeRateAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await staff();
    await setExchangeRate({ fromCurrency: text(formData, "fromCurrency"), toCurrency: text(formData, "toCurrency"), rate: text(formData, "rate") ?? "" }, actor, context);
    return await saved();
  } catch (error) {
    return settingsError(error, formData);
  }
}

export async function setCurrencyEnabledAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await staff();
    await setCurrencyEnabled({ code: text(formData, "code"), isEnabled: text(formData, "isEnabled") === "true" }, actor, context);
    return await saved();
  } catch (error) {
    return settingsError(error, formData);
  }
}

export async function updateCountryAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await staff();
    await updateCountry(
      {
        code: text(formData, "code"),
        region: text(formData, "region"),
        phoneCode: text(formData, "phoneCode") ?? "",
        phoneMask: text(formData, "phoneMask") ?? "",
        postcodePattern: text(formData, "postcodePattern") ?? "",
        isEnabled: checked(formData, "isEnabled"),
        sortOrder: wholeNumber(formData, "sortOrder"),
      },
      actor,
      context,
    );
    return await saved();
  } catch (error) {
    return settingsError(error, formData);
  }
}

export async function setCountryEnabledAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await staff();
    await setCountryEnabled({ code: text(formData, "code"), isEnabled: text(formData, "isEnabled") === "true" }, actor, context);
    return await saved();
  } catch (error) {
    return settingsError(error, formData);
  }
}

function shippingRuleFrom(formData: FormData) {
  return {
    name: text(formData, "name") ?? "",
    method: text(formData, "method"),
    scope: text(formData, "scope"),
    country: text(formData, "country"),
    region: text(formData, "region"),
    productId: text(formData, "productId"),
    cost: text(formData, "cost") ?? "",
    currency: text(formData, "currency"),
    freeFrom: text(formData, "freeFrom"),
    priority: wholeNumber(formData, "priority"),
    isActive: checked(formData, "isActive"),
  };
}

export async function saveShippingRuleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await staff();
    const id = text(formData, "id");
    if (id) await updateShippingRule(id, shippingRuleFrom(formData), actor, context);
    else await createShippingRule(shippingRuleFrom(formData), actor, context);
    return await saved();
  } catch (error) {
    return settingsError(error, formData);
  }
}

export async function deleteShippingRuleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { actor, context } = await staff();
    await deleteShippingRule(text(formData, "id"), actor, context);
    return await saved();
  } catch (error) {
    return settingsError(error, formData);
  }
}
