"use client";

import { useRef, useState } from "react";
import { formatPhone } from "./format-phone";
import { useEarlyValue } from "./use-early-input";

type Props = Omit<React.InputHTMLAttributes<HTMLInputElement>, "value" | "defaultValue" | "onChange" | "type"> & {
  defaultValue?: string;
  mask: string | null;
  phoneCode: string;
};

/**
 * A phone input that lays digits into the country's mask while the caret is at the end (typing
 * forward, pasting); edits in the middle are left alone so the caret never jumps.
 */
export function PhoneInput({ defaultValue = "", mask, phoneCode, ...props }: Props) {
  const [value, setValue] = useState(defaultValue);
  const input = useRef<HTMLInputElement>(null);
  useEarlyValue(input, value, (element) => setValue(formatPhone(element.value, mask, phoneCode)));
  return (
    <input
      {...props}
      ref={input}
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      placeholder={mask ?? phoneCode}
      value={value}
      onChange={(event) => {
        const input = event.currentTarget;
        const atEnd = input.selectionStart === input.value.length;
        setValue(atEnd ? formatPhone(input.value, mask, phoneCode) : input.value);
      }}
      onBlur={(event) => setValue(formatPhone(event.currentTarget.value, mask, phoneCode))}
    />
  );
}
