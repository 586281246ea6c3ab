/**
 * npm (10.9) and yarn (1.22) of the node:22-alpine model. The simulated world has no package
 * registry, so installing works only for what needs no download: a package.json without
 * dependencies (or with all of them already in node_modules) installs and writes its lockfile;
 * anything else fails the way an offline machine fails (getaddrinfo EAI_AGAIN). Scripts
 * (`npm start`, `npm run x`, `yarn x`, `yarn run x`) run with `sh -c` and node_modules/.bin on
 * PATH, printed as npm and yarn print them. `npm init -y` writes a package.json.
 */
import type { ProcessContext, Program } from "../../runtime/program";
import { text } from "../../util/bytes";

export const NPM_VERSION = "10.9.3";
export const YARN_VERSION = "1.22.22";

interface Pkg {
  name?: string;
  version?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function readPkg(ctx: ProcessContext): Pkg | "missing" | "invalid" {
  let s: string;
  try {
    s = text(ctx.fs.readFile(`${ctx.cwd}/package.json`));
  } catch {
    return "missing";
  }
  try {
    return JSON.parse(s) as Pkg;
  } catch {
    return "invalid";
  }
}

/** Dependencies that are not in node_modules yet. */
function missingDeps(ctx: ProcessContext, p: Pkg, production: boolean): string[] {
  const deps = { ...(p.dependencies ?? {}), ...(production ? {} : (p.devDependencies ?? {})) };
  return Object.keys(deps).filter((d) => !ctx.fs.exists(`${ctx.cwd}/node_modules/${d}/package.json`));
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, "_");
}

async function runScript(ctx: ProcessContext, script: string, extra: string[]): Promise<number> {
  const cmd = [script, ...extra.map((a) => `'${a.replace(/'/g, "'\\''")}'`)].join(" ");
  const env = { ...ctx.env, PATH: `${ctx.cwd}/node_modules/.bin:${ctx.env.PATH ?? "/usr/local/bin:/usr/bin:/bin"}` };
  return ctx.run({ argv: ["sh", "-c", cmd], path: "/bin/sh", env });
}

export const npmProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const out = (s: string) => ctx.stdout.write(s);
  const err = (s: string) => ctx.stderr.write(s);
  const logLine = `npm error A complete log of this run can be found in: ${ctx.env.HOME ?? "/root"}/.npm/_logs/${stamp(ctx.now())}-debug-0.log\n`;
  const cmd = args[0];
  if (cmd === undefined || cmd === "help" || cmd === "--help") {
    await out(`npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm install <foo>  add the <foo> dependency to your project\nnpm test           run this project's tests\nnpm run <foo>      run the script named <foo>\nnpm <command> -h   quick help on <command>\n\nnpm@${NPM_VERSION} /usr/local/lib/node_modules/npm\n`);
    return cmd === undefined ? 1 : 0;
  }
  if (cmd === "-v" || cmd === "--version") {
    await out(`${NPM_VERSION}\n`);
    return 0;
  }
  if (cmd === "init") {
    const name = ctx.cwd.split("/").filter(Boolean).pop() ?? "app";
    const pkg = `{\n  "name": "${name}",\n  "version": "1.0.0",\n  "main": "index.js",\n  "scripts": {\n    "test": "echo \\"Error: no test specified\\" && exit 1"\n  },\n  "keywords": [],\n  "author": "",\n  "license": "ISC",\n  "description": ""\n}\n`;
    ctx.fs.writeFile(`${ctx.cwd}/package.json`, pkg);
    await out(`Wrote to ${ctx.cwd}/package.json:\n\n${pkg}\n\n\n`);
    return 0;
  }
  const pkg = readPkg(ctx);
  if (pkg === "missing" && cmd !== "install" && cmd !== "i" && cmd !== "ci") {
    await err(`npm error code ENOENT\nnpm error syscall open\nnpm error path ${ctx.cwd}/package.json\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${ctx.cwd}/package.json'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent\n${logLine}`);
    return 254;
  }
  if (pkg === "invalid") {
    await err(`npm error code EJSONPARSE\nnpm error path ${ctx.cwd}/package.json\nnpm error JSON.parse Invalid package.json\n${logLine}`);
    return 1;
  }
  if (cmd === "install" || cmd === "i" || cmd === "ci") {
    const p = pkg === "missing" ? {} : pkg;
    const wanted = args.slice(1).filter((a) => !a.startsWith("-"));
    const missing = [...wanted, ...missingDeps(ctx, p, args.includes("--production") || args.includes("--omit=dev"))];
    if (missing.length) {
      await ctx.sleep(1200);
      await err(`npm error code EAI_AGAIN\nnpm error syscall getaddrinfo\nnpm error errno EAI_AGAIN\nnpm error request to https://registry.npmjs.org/${missing[0]} failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org\n${logLine}`);
      return 1;
    }
    if (pkg !== "missing") {
      const name = p.name ?? ctx.cwd.split("/").pop();
      ctx.fs.writeFile(`${ctx.cwd}/package-lock.json`, `{\n  "name": "${name}",\n  "version": "${p.version ?? "1.0.0"}",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n    "": {\n      "name": "${name}",\n      "version": "${p.version ?? "1.0.0"}"\n    }\n  }\n}\n`);
    }
    await ctx.sleep(180);
    await out(`\nup to date, audited 1 package in 180ms\n\nfound 0 vulnerabilities\n`);
    return 0;
  }
  const p = pkg as Pkg;
  let script = cmd;
  let rest = args.slice(1);
  if (cmd === "run" || cmd === "run-script") {
    if (!args[1]) {
      const list = Object.entries(p.scripts ?? {});
      await out(list.length ? `Scripts available in ${p.name ?? ""}@${p.version ?? ""} via \`npm run-script\`:\n` + list.map(([k, v]) => `  ${k}\n    ${v}\n`).join("") : "");
      return 0;
    }
    script = args[1];
    rest = args.slice(2);
  } else if (!["start", "test", "stop", "restart"].includes(cmd)) {
    await err(`Unknown command: "${cmd}"\n\nTo see a list of supported npm commands, run:\n  npm help\n`);
    return 1;
  }
  if (rest[0] === "--") rest = rest.slice(1);
  const body = p.scripts?.[script] ?? (script === "start" && ctx.fs.exists(`${ctx.cwd}/server.js`) ? "node server.js" : undefined);
  if (body === undefined) {
    await err(`npm error Missing script: "${script}"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n${logLine}`);
    return 1;
  }
  await out(`\n> ${p.name ?? ""}@${p.version ?? ""} ${script}\n> ${body}${rest.length ? " " + rest.join(" ") : ""}\n\n`);
  const status = await runScript(ctx, body, rest);
  if (status !== 0) {
    await err(`npm error Lifecycle script \`${script}\` failed with error:\nnpm error code ${status}\nnpm error path ${ctx.cwd}\nnpm error workspace ${p.name ?? ""}@${p.version ?? ""}\nnpm error location ${ctx.cwd}\nnpm error command failed\nnpm error command sh -c ${body}\n`);
  }
  return status;
};

export const yarnProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const out = (s: string) => ctx.stdout.write(s);
  const err = (s: string) => ctx.stderr.write(s);
  const done = async (ms: number) => out(`Done in ${(ms / 1000).toFixed(2)}s.\n`);
  if (args[0] === "-v" || args[0] === "--version") {
    await out(`${YARN_VERSION}\n`);
    return 0;
  }
  const flags = args.filter((a) => a.startsWith("-"));
  const words = args.filter((a) => !a.startsWith("-"));
  const cmd = words[0] ?? "install";
  const pkg = readPkg(ctx);
  if (cmd === "install" || cmd === "add") {
    await out(`yarn ${cmd} v${YARN_VERSION}\n`);
    if (pkg === "invalid") {
      await err(`error ${ctx.cwd}/package.json: Unexpected token in JSON\n`);
      return 1;
    }
    const p = pkg === "missing" ? {} : pkg;
    const missing = [...words.slice(1).filter(() => cmd === "add"), ...missingDeps(ctx, p, flags.includes("--production"))];
    const hasLock = ctx.fs.exists(`${ctx.cwd}/yarn.lock`);
    if (!hasLock) await out("info No lockfile found.\n");
    await out("[1/4] Resolving packages...\n");
    if (missing.length) {
      for (let i = 0; i < 2; i++) {
        await ctx.sleep(3000);
        await out("info There appears to be trouble with your network connection. Retrying...\n");
      }
      await ctx.sleep(3000);
      await err(`error An unexpected error occurred: "https://registry.yarnpkg.com/${missing[0]}: getaddrinfo EAI_AGAIN registry.yarnpkg.com".\n`);
      await out(`info If you think this is a bug, please open a bug report with the information provided in "${ctx.cwd}/yarn-error.log".\ninfo Visit https://yarnpkg.com/en/docs/cli/${cmd} for documentation about this command.\n`);
      return 1;
    }
    if (hasLock) {
      await out("success Already up-to-date.\n");
      await done(40);
      return 0;
    }
    await out("[2/4] Fetching packages...\n[3/4] Linking dependencies...\n[4/4] Building fresh packages...\nsuccess Saved lockfile.\n");
    ctx.fs.writeFile(`${ctx.cwd}/yarn.lock`, "# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\n");
    await ctx.sleep(90);
    await done(90);
    return 0;
  }
  const script = cmd === "run" ? words[1] : cmd;
  const rest = args.slice(args.indexOf(script) + 1);
  await out(`yarn run v${YARN_VERSION}\n`);
  if (pkg === "missing" || pkg === "invalid") {
    await err(`error Couldn't find a package.json file in "${ctx.cwd}"\n`);
    await out("info Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.\n");
    return 1;
  }
  const body = script === undefined ? undefined : pkg.scripts?.[script];
  if (body === undefined) {
    await err(`error Command "${script ?? ""}" not found.\n`);
    await out("info Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.\n");
    return 1;
  }
  await out(`$ ${body}${rest.length ? " " + rest.join(" ") : ""}\n`);
  const start = ctx.now();
  const status = await runScript(ctx, body, rest);
  if (status !== 0) {
    await err(`error Command failed with exit code ${status}.\n`);
    await out("info Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.\n");
    return status;
  }
  await done(ctx.now() - start);
  return 0;
};
