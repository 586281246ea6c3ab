/**
 * BusyBox's awk works on bytes (a UTF-8 "é" has length 2). Inside the interpreter text is kept
 * as "binary strings": one character per byte, code 0-255.
 */
import { utf8 } from "../../../util/bytes";

export function binFromBytes(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

export function bytesFromBin(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 255;
  return b;
}

/** A JavaScript string (program text, arguments, environment) as a binary string. */
export function toBin(s: string): string {
  return /^[\x00-\x7f]*$/.test(s) ? s : binFromBytes(utf8(s));
}

/** A binary string back to JavaScript text (file names, messages). */
export function fromBin(s: string): string {
  return /^[\x00-\x7f]*$/.test(s) ? s : new TextDecoder().decode(bytesFromBin(s));
}
