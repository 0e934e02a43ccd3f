// The Content-Disposition header of a download (RFC 6266): `filename` with an ASCII stand-in for
// old clients, and `filename*` (RFC 5987: UTF-8, percent-encoded) with the real name, which
// every current browser prefers. Quotes, backslashes and control characters never reach the
// header, so a stored name cannot break out of it.

/** RFC 5987 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else is percent-encoded. */
function encodeRfc5987(value: string): string {
  return Array.from(new TextEncoder().encode(value))
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9!#$&+\-.^_`|~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    })
    .join("");
}

/** The name with anything outside printable ASCII, quotes and backslashes as "_". */
export function asciiFileName(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_").trim();
  return ascii || "download";
}

export function contentDisposition(fileName: string, type: "attachment" | "inline" = "attachment"): string {
  const clean = fileName.replace(/[\x00-\x1f\x7f]/g, "").trim() || "download";
  return `${type}; filename="${asciiFileName(clean)}"; filename*=UTF-8''${encodeRfc5987(clean)}`;
}
