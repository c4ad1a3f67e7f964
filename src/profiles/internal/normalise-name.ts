/** Lower-case, strip diacritics and punctuation, collapse spaces: "Wangdue_Phodrang " → "wangdue phodrang". */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
