/**
 * htpasswd files as Apache's `htpasswd` writes them and the registry's htpasswd access controller
 * reads them (distribution v2.8.3, registry/auth/htpasswd): one `user:hash` per line, blank lines
 * and lines starting with `#` skipped, only bcrypt hashes accepted.
 *
 * The hashes have bcrypt's shape (`$2y$05$` + 22 characters of salt + 31 of hash, in bcrypt's
 * base64 alphabet) but are not bcrypt: the hash is a sha256 of cost, salt and password, and the
 * salt follows from user and password instead of being random, so a file is deterministic
 * (see docs/differences.md, "Registries"). `-m` (MD5, htpasswd's default) gives an
 * `$apr1$`-shaped hash, which the registry, like the real one, never accepts.
 */
import { sha256Hex } from "../util/sha256";

const B64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const APR = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function encode(hex: string, n: number, alphabet: string): string {
  let out = "";
  for (let i = 0; out.length < n; i++) {
    const h = sha256Hex(`${hex}\n${i}`);
    for (let j = 0; j < 64 && out.length < n; j += 2) out += alphabet[parseInt(h.slice(j, j + 2), 16) & 63];
  }
  return out;
}

export function bcryptSalt(user: string, password: string): string {
  return encode(sha256Hex(`htpasswd salt\n${user}\n${password}`), 22, B64);
}

/** `$2y$<cost>$<salt><hash>`. */
export function bcryptHash(password: string, cost: number, salt: string): string {
  const c = String(cost).padStart(2, "0");
  return `$2y$${c}$${salt}${encode(sha256Hex(`bcrypt\n${c}\n${salt}\n${password}`), 31, B64)}`;
}

/** An `$apr1$` (MD5) hash shape. */
export function apr1Hash(user: string, password: string): string {
  const salt = encode(sha256Hex(`apr1 salt\n${user}\n${password}`), 8, APR);
  return `$apr1$${salt}$${encode(sha256Hex(`apr1\n${salt}\n${password}`), 22, APR)}`;
}

/** bcrypt.CompareHashAndPassword: true when the hash is a bcrypt hash of the password. */
export function bcryptVerify(hash: string, password: string): boolean {
  const m = /^\$2[aby]?\$(\d\d)\$([./A-Za-z0-9]{22})[./A-Za-z0-9]{31}$/.exec(hash);
  if (!m) return false;
  return bcryptHash(password, Number(m[1]), m[2]).slice(4) === hash.slice(4);
}

/** The registry's parseHTPasswd: user -> hash, or the error it reports. */
export function parseHtpasswd(content: string): Map<string, string> | { error: string } {
  const entries = new Map<string, string>();
  const lines = content.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, "");
    const t = raw.trim();
    if (t === "" || t.startsWith("#")) continue;
    const c = t.indexOf(":");
    if (c < 0) return { error: `htpasswd: invalid entry at line ${i + 1}: ${JSON.stringify(raw)}` };
    entries.set(t.slice(0, c), t.slice(c + 1));
  }
  return entries;
}

/** Whether an htpasswd file lets user in with password (the access controller's check). */
export function htpasswdAllows(entries: Map<string, string>, user: string, password: string): boolean {
  const h = entries.get(user);
  return h !== undefined && bcryptVerify(h, password);
}
