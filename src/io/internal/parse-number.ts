const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const SAFE = 9007199254740991;

/**
 * Parse the decimal number in `buf[s..e)`: optional spaces or tabs around, an optional sign,
 * digits with one optional decimal mark (`.` or, with `mark` 44, `,`), an optional
 * exponent. Returns `NaN` for anything else (including an empty range). Correctly
 * rounded: the usual case uses the exact fast path (mantissa < 2^53, |exp| ≤ 22),
 * the rest goes through `Number()`.
 */
export function parseNumberBytes(buf: Uint8Array, s: number, e: number, mark: number): number {
  while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
  while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9)) e--;
  if (s === e) return NaN;
  let i = s;
  let neg = false;
  let c = buf[i];
  if (c === 45) {
    neg = true;
    i++;
  } else if (c === 43) i++;
  let m = 0;
  let exact = true;
  let exp = 0;
  let digits = 0;
  while (i < e) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
    digits++;
    i++;
  }
  if (i < e && buf[i] === mark) {
    i++;
    while (i < e) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
      exp--;
      digits++;
      i++;
    }
  }
  if (digits === 0) return NaN;
  if (m > SAFE) exact = false;
  if (i < e && (buf[i] === 101 || buf[i] === 69)) {
    i++;
    let eneg = false;
    if (i < e && (buf[i] === 45 || buf[i] === 43)) {
      eneg = buf[i] === 45;
      i++;
    }
    let x = 0;
    let xd = 0;
    while (i < e) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) break;
      if (x < 1e6) x = x * 10 + d;
      xd++;
      i++;
    }
    if (xd === 0) return NaN;
    exp += eneg ? -x : x;
  }
  if (i !== e) return NaN;
  let v: number;
  if (exact && exp >= -22 && exp <= 22) v = exp < 0 ? m / POW10[-exp] : m * POW10[exp];
  else {
    let t = "";
    for (let k = s; k < e; k++) t += String.fromCharCode(buf[k] === mark ? 46 : buf[k]);
    return Number(t);
  }
  return neg ? -v : v;
}
