"use client";

// The checkout form's inputs that belong to this visitor, not to the cached page: the
// idempotency key and where the visitor came from. The browser fills them in once the page is
// shown, and they keep their values for as long as the form does (a failed attempt; a country
// change carries them over, see carry-over.ts), so that a double click or a resubmit of this view
// makes one order. Without JavaScript they stay empty and the Server Action derives a key from
// what was submitted.
//
// The inputs have no value prop: React then never writes their value, and what the effect set
// survives every re-render of the form.
import { useEffect, useRef } from "react";
import { newIdempotencyKey, TRACKING_INPUTS, trackingOf, type TVisitorTracking } from "./visitor-tracking";

/** `carried`: the form's values before a change of country remounted it (the same view). */
export function VisitorInputs({ carried }: { carried?: Record<string, string> }) {
  const keyRef = useRef<HTMLInputElement>(null);
  const trackingRefs = useRef<Partial<Record<(typeof TRACKING_INPUTS)[number], HTMLInputElement | null>>>({});

  useEffect(() => {
    // Once per mounted form (an effect run again in development keeps the first values).
    if (!keyRef.current || keyRef.current.value) return;
    const carriedKey = carried?.idempotencyKey;
    keyRef.current.value = carriedKey || newIdempotencyKey();
    // Where the visitor first came from: after a country change the referrer is our own page.
    const tracking = carried && carriedKey ? carriedTracking(carried) : trackingOf(window.location, document.referrer);
    for (const name of TRACKING_INPUTS) {
      const input = trackingRefs.current[name];
      if (input) input.value = tracking[name] ?? "";
    }
  }, [carried]);

  return (
    <>
      <input ref={keyRef} type="hidden" name="idempotencyKey" />
      {TRACKING_INPUTS.map((name) => (
        <input
          key={name}
          ref={(input) => {
            trackingRefs.current[name] = input;
          }}
          type="hidden"
          name={`tracking.${name}`}
        />
      ))}
    </>
  );
}

function carriedTracking(values: Record<string, string>): TVisitorTracking {
  return Object.fromEntries(TRACKING_INPUTS.map((name) => [name, values[`tracking.${name}`] ?? ""]));
}
