// What an uploaded file is called and what it is: the uploader's name, cleaned (no directories,
// no control characters, bounded length, extension kept), and a MIME type in its bare form.
// Only shown to people and sent in Content-Disposition; the bytes live under a random key.
export const MAX_FILE_NAME_LENGTH = 200;

/** The cleaned name, or null when nothing usable is left. */
export function cleanFileName(raw: string): string | null {
  const base = raw.split(/[/\\]/).pop() ?? "";
  const name = base
    .normalize("NFC")
    .replace(/[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!name || /^\.+$/.test(name)) return null;
  if (name.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : "";
  return `${name.slice(0, MAX_FILE_NAME_LENGTH - extension.length).trim()}${extension}`;
}

const MIME_PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** `type/subtype` in lower case without parameters; application/octet-stream when unusable. */
export function cleanContentType(raw: string | null | undefined): string {
  const bare = (raw ?? "").split(";")[0]!.trim().toLowerCase();
  return MIME_PATTERN.test(bare) ? bare : "application/octet-stream";
}
