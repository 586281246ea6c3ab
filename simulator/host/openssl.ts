/**
 * `openssl` on the simulated host (OpenSSL 3.0): `req` makes an RSA key and a self-signed
 * certificate (-x509) or a certificate request, as Docker's "Deploy a registry server" and "Test
 * an insecure registry" pages use it; `x509 -noout` prints a certificate's subject, dates and
 * subjectAltName. The key-generation progress, the Distinguished Name prompts (when -subj is not
 * given), error texts and file modes (the key 0600) are OpenSSL 3.0's, checked against this
 * machine's openssl 3.0.19. Files are PEM-shaped but do not hold real DER (see
 * simulator/distribution/pem.ts and docs/differences.md, "Registries").
 */
import type { Program, ProcessContext } from "../runtime/program";
import { readAll, readLine } from "../runtime/streams";
import { text, utf8 } from "../util/bytes";
import { sha256Hex } from "../util/sha256";
import { makeCertificate, makeKey, parseCertificate, parseKey, type CertInfo } from "../distribution/pem";

const DAY = 86_400_000;

class Fail extends Error {}

/** OpenSSL's key generation progress: a '.' per candidate, '+' per test, '*' per prime found. */
function progress(seed: string): string {
  const h = sha256Hex(seed) + sha256Hex(seed + "2");
  let out = "";
  for (let line = 0; line < 2; line++) {
    let s = "";
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 6 + (parseInt(h[line * 8 + i], 16) % 9); j++) s += ".".repeat(1 + (parseInt(h[(line * 17 + i * 5 + j) % h.length], 16) % 5)) + "+";
      s += "+".repeat(64) + (i < 2 ? "*" : "");
    }
    out += s + "\n";
  }
  return out + "-----\n";
}

const DN_FIELDS: Array<[string, string, string]> = [
  ["C", "Country Name (2 letter code)", "AU"],
  ["ST", "State or Province Name (full name)", "Some-State"],
  ["L", "Locality Name (eg, city)", ""],
  ["O", "Organization Name (eg, company)", "Internet Widgits Pty Ltd"],
  ["OU", "Organizational Unit Name (eg, section)", ""],
  ["CN", "Common Name (e.g. server FQDN or YOUR name)", ""],
  ["emailAddress", "Email Address", ""],
];

const DN_INTRO = `You are about to be asked to enter information that will be incorporated
into your certificate request.
What you are about to enter is what is called a Distinguished Name or a DN.
There are quite a few fields but you can leave some blank
For some fields there will be a default value,
If you enter '.', the field will be left blank.
-----
`;

/** "/C=JP/CN=x" -> "C = JP, CN = x" (OpenSSL 3's one-line form). */
function parseSubj(subj: string): string {
  if (!subj.startsWith("/")) throw new Fail(`req: subject name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: '${subj}'\n`);
  const parts = subj.slice(1).split(/(?<!\\)\//).filter((p) => p !== "");
  return parts
    .map((p) => {
      const i = p.indexOf("=");
      if (i < 0) throw new Fail(`req: Hit end of string before finding the '='\n`);
      return `${p.slice(0, i)} = ${p.slice(i + 1).replace(/\\\//g, "/")}`;
    })
    .join(", ");
}

async function promptSubject(ctx: ProcessContext): Promise<string> {
  await ctx.stderr.write(DN_INTRO);
  const parts: string[] = [];
  for (const [key, label, dflt] of DN_FIELDS) {
    await ctx.stderr.write(`${label} [${dflt}]:`);
    const line = await readLine(ctx.stdin);
    let v = (line ?? "").replace(/\r?\n$/, "");
    if (line === null) await ctx.stderr.write("\n");
    if (v === "") v = dflt;
    if (v === "." || v === "") continue;
    parts.push(`${key} = ${v}`);
  }
  return parts.join(", ");
}

function parseSan(ext: string): { dns: string[]; ip: string[] } {
  const m = /^\s*subjectAltName\s*=\s*(.*)$/.exec(ext);
  const out = { dns: [] as string[], ip: [] as string[] };
  if (!m) return out;
  for (const item of m[1].split(",")) {
    const [k, ...v] = item.split(":");
    const value = v.join(":").trim();
    if (k.trim() === "DNS") out.dns.push(value);
    else if (k.trim() === "IP") out.ip.push(value);
  }
  return out;
}

function write(ctx: ProcessContext, path: string, content: string, mode: number): void {
  try {
    ctx.fs.writeFile(path, utf8(content), { mode });
  } catch (e) {
    const why = e instanceof Error && /EACCES/.test(e.message) ? "Permission denied" : e instanceof Error && /EISDIR/.test(e.message) ? "Is a directory" : "No such file or directory";
    throw new Fail(`req: Can't open "${path}" for writing, ${why}\n`);
  }
}

async function req(ctx: ProcessContext, args: string[]): Promise<number> {
  const o: Record<string, string | true> = {};
  const valued = new Set(["newkey", "keyout", "out", "days", "subj", "addext", "key", "config", "in"]);
  const addext: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("-")) throw new Fail(`req: Extra option: "${a}"\nreq: Use -help for summary.\n`);
    const name = a.replace(/^--?/, "");
    if (valued.has(name)) {
      const v = args[++i];
      if (v === undefined) throw new Fail(`req: Option -${name} needs a value\nreq: Use -help for summary.\n`);
      if (name === "addext") addext.push(v);
      else o[name] = v;
    } else if (["nodes", "noenc", "x509", "new", "batch", "verbose", "text", "noout"].includes(name) || /^(sha\d+|sha1|md5)$/.test(name)) o[name] = true;
    else throw new Fail(`req: Unknown option or message digest: ${name}\nreq: Use -help for summary.\n`);
  }
  const now = ctx.now();
  let key: { pem: string; id: string; bits: number };
  if (typeof o.key === "string") {
    let pem: string;
    try {
      pem = text(ctx.fs.readFile(o.key));
    } catch {
      throw new Fail(`Could not open file or uri for loading private key from ${o.key}\n`);
    }
    const k = parseKey(pem);
    if (!k) throw new Fail(`Could not read private key from ${o.key}\n`);
    key = { pem, ...k };
  } else {
    const spec = typeof o.newkey === "string" ? o.newkey : "rsa:2048";
    const m = /^rsa(?::(\d+))?$/.exec(spec);
    if (!m) throw new Fail(`req: Unknown algorithm ${spec}\n`);
    const bits = Number(m[1] ?? 2048);
    const k = makeKey(bits, `${ctx.proc.pid} ${now} ${String(o.keyout ?? "")}`);
    key = { pem: k.pem, id: k.info.id, bits };
    await ctx.stderr.write(progress(k.info.id));
    if (!o.nodes && !o.noenc) throw new Fail("Enter PEM pass phrase:\nlayerlab: encrypted private keys are not simulated; add -nodes\n");
    write(ctx, typeof o.keyout === "string" ? o.keyout : "privkey.pem", k.pem, 0o600);
  }
  const subject = typeof o.subj === "string" ? parseSubj(o.subj) : await promptSubject(ctx);
  const san = { dns: [] as string[], ip: [] as string[] };
  for (const e of addext) {
    const s = parseSan(e);
    san.dns.push(...s.dns);
    san.ip.push(...s.ip);
  }
  let out: string;
  if (o.x509) {
    const days = typeof o.days === "string" ? Number(o.days) : 30;
    const info: CertInfo = { subject, dns: san.dns, ip: san.ip, notBefore: now, notAfter: now + days * DAY, key: key.id };
    out = makeCertificate(info, key.bits);
  } else {
    // a certificate request: PEM-shaped like the certificate, under its own label
    out = makeCertificate({ subject, dns: san.dns, ip: san.ip, notBefore: 0, notAfter: 0, key: key.id }, key.bits).replace(/CERTIFICATE-----/g, "CERTIFICATE REQUEST-----");
  }
  if (typeof o.out === "string") write(ctx, o.out, out, 0o644);
  else await ctx.stdout.write(out);
  return 0;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** OpenSSL's date form: "Nov 23 22:07:42 2026 GMT". */
function asn1Time(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

async function x509(ctx: ProcessContext, args: string[]): Promise<number> {
  let input = "";
  const want: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-in") input = args[++i] ?? "";
    else if (a === "-ext") want.push("ext:" + (args[++i] ?? ""));
    else if (["-noout", "-subject", "-issuer", "-dates", "-enddate", "-startdate"].includes(a)) want.push(a);
    else throw new Fail(`x509: Unknown option or message digest: ${a.replace(/^-+/, "")}\nx509: Use -help for summary.\n`);
  }
  let pem: string;
  try {
    pem = input ? text(ctx.fs.readFile(input)) : text(await readAll(ctx.stdin));
  } catch {
    throw new Fail(`Could not open file or uri for loading certificate from ${input}\n`);
  }
  const c = parseCertificate(pem)?.info;
  if (!c) throw new Fail(`Could not read certificate from ${input || "<stdin>"}\nUnable to load certificate\n`);
  let out = "";
  for (const w of want) {
    if (w === "-subject") out += `subject=${c.subject}\n`;
    else if (w === "-issuer") out += `issuer=${c.subject}\n`;
    else if (w === "-dates" || w === "-startdate") out += `notBefore=${asn1Time(c.notBefore)}\n`;
    if (w === "-dates" || w === "-enddate") out += `notAfter=${asn1Time(c.notAfter)}\n`;
    if (w === "ext:subjectAltName") {
      const names = [...c.dns.map((n) => `DNS:${n}`), ...c.ip.map((n) => `IP Address:${n}`)];
      out += names.length ? `X509v3 Subject Alternative Name: \n    ${names.join(", ")}\n` : "No extensions in certificate\n";
    }
  }
  if (!want.includes("-noout")) out += pem.slice(pem.indexOf("-----BEGIN CERTIFICATE-----"));
  await ctx.stdout.write(out);
  return 0;
}

export const opensslProgram: Program = async (ctx) => {
  const [cmd, ...args] = ctx.argv.slice(1);
  try {
    if (cmd === "req") return await req(ctx, args);
    if (cmd === "x509") return await x509(ctx, args);
    if (cmd === "version") {
      await ctx.stdout.write("OpenSSL 3.0.19 27 Jan 2026 (Library: OpenSSL 3.0.19 27 Jan 2026)\n");
      return 0;
    }
    if (cmd === undefined) {
      await ctx.stderr.write("layerlab: the simulated openssl has the commands req, x509 and version\n");
      return 1;
    }
    await ctx.stderr.write(`Invalid command '${cmd}'; type "help" for a list.\n`);
    return 1;
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    await ctx.stderr.write(e.message);
    return 1;
  }
};
