/** Content addressing: synchronous SHA-256 (Web Crypto's digest is async-only). */
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { hex, toBytes } from "./bytes";

export function sha256Hex(data: string | Uint8Array): string {
  return hex(nobleSha256(toBytes(data)));
}

export function digest(data: string | Uint8Array): string {
  return "sha256:" + sha256Hex(data);
}
