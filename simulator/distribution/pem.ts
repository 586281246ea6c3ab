/**
 * Keys and X.509 certificates as the simulated `openssl req` writes them and the engine and the
 * registry read them: PEM files (`-----BEGIN CERTIFICATE-----`, base64 in 64-column lines) of
 * the size a real RSA key and self-signed certificate have. The base64 does not hold DER: it
 * holds a short record of what matters here (subject, subjectAltName, validity, the key the
 * certificate is for) followed by filler bytes derived from it, so a file is deterministic,
 * and two certificates are the same certificate exactly when their base64 is the same (see
 * docs/differences.md, "Registries").
 */
import { base64Decode, base64Encode, text, utf8 } from "../util/bytes";
import { sha256Hex } from "../util/sha256";

const MAGIC = "layerlab-x509\n";

export interface CertInfo {
  subject: string;
  dns: string[];
  ip: string[];
  notBefore: number;
  notAfter: number;
  /** The key the certificate certifies (see KeyInfo.id). */
  key: string;
}

export interface KeyInfo {
  bits: number;
  id: string;
}

/** Bytes from a seed, as long as asked (sha256 in counter mode). */
function filler(seed: string, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0, block = 0; i < n; block++) {
    const h = sha256Hex(`${seed}\n${block}`);
    for (let j = 0; j < 64 && i < n; j += 2) out[i++] = parseInt(h.slice(j, j + 2), 16);
  }
  return out;
}

function armor(label: string, body: Uint8Array): string {
  const b64 = base64Encode(body);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** A record followed by filler up to `size` bytes (a NUL ends the record). */
function body(record: string, size: number): Uint8Array {
  const head = utf8(MAGIC + record + "\0");
  const out = new Uint8Array(Math.max(size, head.length));
  out.set(head);
  out.set(filler(record, out.length - head.length), head.length);
  return out;
}

function record(b: Uint8Array): Record<string, unknown> | null {
  const s = text(b.subarray(0, Math.min(b.length, 4096)));
  if (!s.startsWith(MAGIC)) return null;
  const end = s.indexOf("\0");
  try {
    return JSON.parse(s.slice(MAGIC.length, end < 0 ? undefined : end)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The bodies of the PEM blocks with this label in a text, base64 without line breaks. */
export function pemBlocks(pem: string, label: string): string[] {
  const re = new RegExp(`-----BEGIN ${label}-----\\r?\\n([A-Za-z0-9+/=\\r\\n]*?)-----END ${label}-----`, "g");
  return [...pem.matchAll(re)].map((m) => m[1].replace(/\s+/g, ""));
}

/** A private key (PKCS#8, unencrypted as with -nodes) of `bits` bits; its ID follows from the seed. */
export function makeKey(bits: number, seed: string): { pem: string; info: KeyInfo } {
  const info: KeyInfo = { bits, id: sha256Hex(`rsa key ${bits} ${seed}`).slice(0, 40) };
  // a PKCS#8 RSA key is about 0.6 bytes per modulus bit
  return { pem: armor("PRIVATE KEY", body(JSON.stringify({ type: "rsa", ...info }), Math.round(bits * 0.594))), info };
}

/** A self-signed certificate for a key. */
export function makeCertificate(c: CertInfo, bits: number): string {
  // DER of a self-signed RSA certificate: two key-sized values (modulus, signature) and the names
  const size = Math.round(bits / 4) + 250 + c.subject.length * 2 + [...c.dns, ...c.ip].join("").length;
  return armor("CERTIFICATE", body(JSON.stringify({ type: "cert", ...c }), size));
}

export function parseKey(pem: string): KeyInfo | null {
  for (const label of ["PRIVATE KEY", "RSA PRIVATE KEY"]) {
    for (const b of pemBlocks(pem, label)) {
      const r = record(base64Decode(b));
      if (r && r.type === "rsa" && typeof r.id === "string") return { bits: Number(r.bits), id: r.id };
    }
  }
  return null;
}

/** The first certificate of a PEM text: what it says and its base64 (its identity). */
export function parseCertificate(pem: string): { info: CertInfo | null; b64: string } | null {
  const first = pemBlocks(pem, "CERTIFICATE")[0];
  if (first === undefined) return null;
  const r = record(base64Decode(first));
  let info: CertInfo | null = null;
  if (r && r.type === "cert") {
    const { type: _type, ...rest } = r;
    info = rest as unknown as CertInfo;
  }
  return { info, b64: first };
}

/**
 * Go's crypto/x509 hostname check (VerifyHostname), which the engine's TLS client runs before it
 * looks for a trusted root: the error text, or null when the certificate names the host.
 */
export function hostnameError(c: CertInfo, host: string): string | null {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    if (c.ip.length === 0) return `x509: cannot validate certificate for ${host} because it doesn't contain any IP SANs`;
    if (c.ip.includes(host)) return null;
    return `x509: certificate is valid for ${c.ip.join(", ")}, not ${host}`;
  }
  const match = (pattern: string) => pattern.toLowerCase() === host.toLowerCase() || (pattern.startsWith("*.") && host.toLowerCase().endsWith(pattern.slice(1).toLowerCase()) && !host.slice(0, host.length - pattern.length + 1).includes("."));
  if (c.dns.some(match)) return null;
  if (c.dns.length === 0 && c.ip.length === 0 && match(cn(c.subject))) return "x509: certificate relies on legacy Common Name field, use SANs instead";
  if (c.dns.length === 0) return `x509: certificate is not valid for any names, but wanted to match ${host}`;
  return `x509: certificate is valid for ${c.dns.join(", ")}, not ${host}`;
}

function cn(subject: string): string {
  return /(?:^|\/|,\s*)CN\s*=\s*([^/,]*)/.exec(subject)?.[1]?.trim() ?? "";
}
