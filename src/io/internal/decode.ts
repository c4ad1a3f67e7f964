const utf8 = new TextDecoder("utf-8");

/** Decode UTF-8 bytes `buf[s..e)` to a string; pure ASCII skips TextDecoder. */
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
