/**
 * htpasswd of the httpd:2 model (Apache httpd 2.4's support/htpasswd.c): create, update, delete
 * and verify `user:hash` records in a password file, or print one record with -n. Usage and
 * messages as htpasswd.c prints them (the usage and "Adding/Updating password for user" on
 * stderr; -n prints the record and an empty line on stdout). Hashes: see
 * simulator/distribution/htpasswd.ts (bcrypt-shaped and deterministic; MD5 `$apr1$` default).
 */
import type { Program, ProcessContext } from "../../runtime/program";
import { readLine } from "../../runtime/streams";
import { base64Encode, text, utf8 } from "../../util/bytes";
import { sha256Hex } from "../../util/sha256";
import { apr1Hash, bcryptHash, bcryptSalt, bcryptVerify } from "../../distribution/htpasswd";

const USAGE = `Usage:
\thtpasswd [-cimBdpsDv] [-C cost] passwordfile username
\thtpasswd -b[cmBdpsDv] [-C cost] passwordfile username password

\thtpasswd -n[imBdps] [-C cost] username
\thtpasswd -nb[mBdps] [-C cost] username password
 -c  Create a new file.
 -n  Don't update file; display results on stdout.
 -b  Use the password from the command line rather than prompting for it.
 -i  Read password from stdin without verification (for script usage).
 -m  Force MD5 encryption of the password (default).
 -B  Force bcrypt encryption of the password (very secure).
 -C  Set the computing time used for the bcrypt algorithm
     (higher is more secure but slower, default: 5, valid: 4 to 17).
 -d  Force CRYPT encryption of the password (8 chars max, insecure).
 -s  Force SHA encryption of the password (insecure).
 -p  Do not encrypt the password (plaintext, insecure).
 -D  Delete the specified user.
 -v  Verify password for the specified user.
On other systems than Windows and NetWare the '-p' flag will probably not work.
The SHA algorithm does not use a salt and is less secure than the MD5 algorithm.
`;

type Alg = "md5" | "bcrypt" | "crypt" | "sha" | "plain";

function hashFor(alg: Alg, user: string, password: string, cost: number): string {
  switch (alg) {
    case "bcrypt":
      return bcryptHash(password, cost, bcryptSalt(user, password));
    case "plain":
      return password;
    case "sha":
      return "{SHA}" + base64Encode(utf8(sha256Hex("sha1 " + password).slice(0, 20))).slice(0, 28);
    case "crypt":
      return sha256Hex(`crypt ${user} ${password.slice(0, 8)}`).replace(/[^a-zA-Z0-9]/g, "").slice(0, 13);
    default:
      return apr1Hash(user, password);
  }
}

function matches(hash: string, user: string, password: string): boolean {
  if (hash.startsWith("$2")) return bcryptVerify(hash, password);
  if (hash.startsWith("$apr1$")) return hash === apr1Hash(user, password);
  return hash === password || hash === hashFor("sha", user, password, 5);
}

export const htpasswdProgram: Program = async (ctx) => {
  const usage = async () => {
    await ctx.stderr.write(USAGE);
    return 2;
  };
  const flags = new Set<string>();
  let cost = 5;
  const args: string[] = [];
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (args.length === 0 && a.startsWith("-") && a.length > 1) {
      for (const f of a.slice(1)) {
        if (!"cnbimBdpsDvC".includes(f)) return usage();
        if (f === "C") {
          const v = argv[++i];
          if (v === undefined || !/^\d+$/.test(v) || Number(v) < 4 || Number(v) > 17) return usage();
          cost = Number(v);
        } else flags.add(f);
      }
    } else args.push(a);
  }
  const f = (c: string) => flags.has(c);
  const alg: Alg = f("B") ? "bcrypt" : f("p") ? "plain" : f("s") ? "sha" : f("d") ? "crypt" : "md5";
  const nofile = f("n");
  const want = (nofile ? 1 : 2) + (f("b") && !f("D") ? 1 : 0);
  if (args.length !== want || (nofile && (f("c") || f("D") || f("v")))) return usage();
  const user = args[nofile ? 0 : 1];
  const file = nofile ? "" : args[0];
  if (user.includes(":")) {
    await ctx.stderr.write(`${ctx.argv[0]}: username contains illegal character ':'\n`);
    return 6;
  }
  let password = f("b") ? args[want - 1] : "";
  if (!f("b") && !f("D")) {
    const got = await askPassword(ctx, !f("i"));
    if (got === null) return 3;
    password = got;
  }
  if (nofile) {
    await ctx.stdout.write(`${user}:${hashFor(alg, user, password, cost)}\n\n`);
    return 0;
  }
  let lines: string[] = [];
  if (!f("c")) {
    try {
      lines = text(ctx.fs.readFile(file)).split("\n");
      if (lines[lines.length - 1] === "") lines.pop();
    } catch {
      await ctx.stderr.write(`${ctx.argv[0]}: cannot modify file ${file}; use '-c' to create it\n`);
      return 1;
    }
  }
  const at = lines.findIndex((l) => l.slice(0, l.indexOf(":")) === user);
  if (f("v")) {
    if (at < 0) {
      await ctx.stderr.write(`User ${user} not found\n`);
      return 6;
    }
    if (!matches(lines[at].slice(lines[at].indexOf(":") + 1), user, password)) {
      await ctx.stderr.write(`password verification failed\n`);
      return 3;
    }
    await ctx.stderr.write(`Password for user ${user} correct.\n`);
    return 0;
  }
  if (f("D")) {
    if (at < 0) {
      await ctx.stderr.write(`User ${user} not found\n`);
      return 0;
    }
    lines.splice(at, 1);
    await ctx.stderr.write(`Deleting password for user ${user}\n`);
  } else {
    const record = `${user}:${hashFor(alg, user, password, cost)}`;
    if (at >= 0) {
      lines[at] = record;
      await ctx.stderr.write(`Updating password for user ${user}\n`);
    } else {
      lines.push(record);
      await ctx.stderr.write(`Adding password for user ${user}\n`);
    }
  }
  try {
    ctx.fs.writeFile(file, utf8(lines.map((l) => l + "\n").join("")), { mode: 0o644 });
  } catch {
    await ctx.stderr.write(`${ctx.argv[0]}: cannot create file ${file}\n`);
    return 1;
  }
  return 0;
};

/** apr_password_get's prompts (on stderr), or one line of stdin with -i. */
async function askPassword(ctx: ProcessContext, prompt: boolean): Promise<string | null> {
  if (!prompt) return ((await readLine(ctx.stdin)) ?? "").replace(/\r?\n$/, "");
  await ctx.stderr.write("New password: ");
  const a = await readLine(ctx.stdin);
  if (a === null) {
    await ctx.stderr.write(`\n${ctx.argv[0]}: password verification error\n`);
    return null;
  }
  await ctx.stderr.write("\nRe-type new password: ");
  const b = await readLine(ctx.stdin);
  await ctx.stderr.write("\n");
  if (b === null || a.replace(/\r?\n$/, "") !== b.replace(/\r?\n$/, "")) {
    await ctx.stderr.write(`${ctx.argv[0]}: password verification error\n`);
    return null;
  }
  return a.replace(/\r?\n$/, "");
}
