"use client";
import { useState } from "react";

/**
 * A number that changes with every answer of a form's Server Action, to key the form by. React
 * resets a form after its action, but a <select> goes back to the option it was first rendered
 * with; remounting the form instead renders every field afresh from what the answer says
 * (the typed values after an error, the stored ones after a save).
 */
export function useResponseKey(state: object): number {
  const [seen, setSeen] = useState({ state, count: 0 });
  if (seen.state !== state) {
    const next = { state, count: seen.count + 1 };
    setSeen(next);
    return next.count;
  }
  return seen.count;
}
