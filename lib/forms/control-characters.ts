// Text from forms and APIs may not carry control characters other than tab and line breaks:
// PostgreSQL cannot store NUL in text at all (the write would fail as a 500), and the others only
// ever arrive from broken clients or from someone probing — never from a person typing.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}
