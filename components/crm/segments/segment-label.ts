// A segment's name as the reader sees it: the standard map's names are translated
// (crmSegments.names), names the shop typed itself are shown as typed.
export function segmentLabel(t: { has(key: string): boolean; (key: string): string }, name: string): string {
  const key = `names.${name}`;
  return !name.includes(".") && t.has(key) ? t(key) : name;
}
