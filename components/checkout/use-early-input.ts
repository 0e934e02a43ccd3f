"use client";

// What a shopper types or picks before the page's script has loaded (a slow network, a fast
// hand) must not be lost. Hydration leaves it in the DOM, but the first render after it writes a
// controlled input's state back over it: the quantity returned to 1, the payment method to the
// first one, the phone to empty. React's own replay of such changes (enableHydrationChangeEvent)
// is only in its experimental build, not in the one Next.js ships. So each controlled input reads
// itself once when it mounts, before that render, and takes what it finds into its state.
// Uncontrolled inputs (defaultValue) need nothing: React never writes their value.
import { useEffect, type RefObject } from "react";

/**
 * On mount, calls `take` with the element if its value is not the one rendered (`rendered`):
 * the shopper changed it before hydration.
 */
export function useEarlyValue<T extends HTMLInputElement | HTMLSelectElement>(ref: RefObject<T | null>, rendered: string, take: (element: T) => void) {
  useEffect(() => {
    const element = ref.current;
    if (element && element.value !== rendered) take(element);
    // Once, on hydration: later changes come through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/**
 * On mount, the values of the inputs named `name` in `form` that are checked (radios,
 * checkboxes), for a group whose checked state the component holds.
 */
export function useEarlyChecked(form: RefObject<HTMLFormElement | null>, name: string, take: (checked: string[]) => void) {
  useEffect(() => {
    if (!form.current) return;
    const inputs = [...form.current.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
    take(inputs.filter((input) => input.checked).map((input) => input.value));
    // Once, on hydration, as above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
