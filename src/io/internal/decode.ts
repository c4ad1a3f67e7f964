// ignoreBOM: a U+FEFF at the start of a cell is part of its value (the file's own BOM
// is skipped by the scanner); dropping it gave values of different bytes one text
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decode UTF-8 bytes `buf[s..e)` to a string; pure ASCII skips TextDecoder. Invalid bytes become U+FFFD. */
export function decodeBytes(buf: Uint8Array, s: number, e: number): string {
  const n = e - s;
  if (n <= 24) {
    let ascii = true;
    for (let i = s; i < e; i++) {
      if (buf[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      let out = "";
      for (let i = s; i < e; i++) out += String.fromCharCode(buf[i]);
      return out;
    }
  }
  return utf8.decode(buf.subarray(s, e));
}

/** Like {@link decodeBytes}, but `null` when the bytes are not valid UTF-8. */
export function decodeUtf8OrNull(buf: Uint8Array, s: number, e: number): string | null {
  let i = s;
  while (i < e && buf[i] < 0x80) i++;
  if (i === e) return decodeBytes(buf, s, e);
  try {
    return strictUtf8.decode(buf.subarray(s, e));
  } catch {
    return null;
  }
}

/** The bytes as text for a message: printable ASCII kept, other bytes as `\xNN` (at most 40 bytes). */
export function showBytes(buf: Uint8Array, s: number, e: number): string {
  let out = "";
  for (let i = s; i < Math.min(e, s + 40); i++) {
    const c = buf[i];
    out += c >= 0x20 && c < 0x7f && c !== 0x5c ? String.fromCharCode(c) : c === 0x5c ? "\\\\" : `\\x${c.toString(16).padStart(2, "0")}`;
  }
  return e - s > 40 ? `${out}...` : out;
}
