/**
 * redis-cli of the redis image model: `redis-cli [-h host] [-p port] [-a password] [-n db]
 * [--raw|--no-raw] [cmd [args...]]`. With a command it prints the reply and exits; without one it
 * reads commands line by line (a prompt on a terminal). Replies are formatted as redis-cli does:
 * on a terminal `"value"`, `(integer) 1`, `(nil)`, `1) ...`; otherwise raw.
 */
import type { Program } from "../../runtime/program";
import { readLine } from "../../runtime/streams";
import { netStack } from "../../runtime/applets/net-stack";
import { NetError, type Socket } from "../../runtime/applets/net-socket";
import { resolveHost } from "../../runtime/applets/net-resolve";
import { encodeCommand, Reader, splitInline, type Reply } from "./resp";
import { REDIS_VERSION } from "./server";

function formatTty(r: Reply, indent = ""): string {
  switch (r.t) {
    case "status":
      return r.s;
    case "error":
      return `(error) ${r.s}`;
    case "int":
      return `(integer) ${r.n}`;
    case "bulk":
      return r.s === null ? "(nil)" : JSON.stringify(r.s);
    case "array": {
      if (!r.items || r.items.length === 0) return "(empty array)";
      const w = String(r.items.length).length;
      return r.items.map((x, i) => `${i === 0 ? "" : indent}${String(i + 1).padStart(w)}) ${formatTty(x, indent + " ".repeat(w + 2))}`).join("\n");
    }
  }
}

function formatRaw(r: Reply): string {
  switch (r.t) {
    case "status":
    case "error":
      return r.s;
    case "int":
      return String(r.n);
    case "bulk":
      return r.s ?? "";
    case "array":
      return (r.items ?? []).map(formatRaw).join("\n");
  }
}

export const redisCliProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let host = "127.0.0.1";
  let port = 6379;
  let password: string | null = null;
  let db = 0;
  let raw: boolean | null = null;
  const cmd: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (cmd.length) cmd.push(a);
    else if (a === "-h") host = args[++i] ?? host;
    else if (a === "-p") port = Number(args[++i]);
    else if (a === "-a") password = args[++i] ?? "";
    else if (a === "-n") db = Number(args[++i]);
    else if (a === "--raw") raw = true;
    else if (a === "--no-raw") raw = false;
    else if (a === "-v" || a === "--version") {
      await ctx.stdout.write(`redis-cli ${REDIS_VERSION}\n`);
      return 0;
    } else if (a.startsWith("-") && a.length > 1) {
      await ctx.stderr.write(`Unrecognized option or bad number of args for: '${a}'\n`);
      return 1;
    } else cmd.push(a);
  }
  const tty = raw === null ? !!ctx.stdout.isTTY : !raw;
  const fmt = (r: Reply) => (tty ? formatTty(r) : formatRaw(r));
  if (password !== null) await ctx.stderr.write("Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n");
  const connect = async (): Promise<Socket | string> => {
    const ip = await resolveHost(ctx, host);
    if (!ip) return `Could not connect to Redis at ${host}:${port}: Name or service not known`;
    try {
      return await ctx.proc.guard(netStack(ctx.kernel).connect(ctx.proc.ns.net, ip, port, { owner: ctx.proc }));
    } catch (e) {
      if (e instanceof NetError) return `Could not connect to Redis at ${host}:${port}: ${e.message}`;
      throw e;
    }
  };
  const sock = await connect();
  const send = async (s: Socket, r: Reader, words: string[]): Promise<Reply | null> => {
    await s.output.write(encodeCommand(words));
    return ctx.proc.guard(r.reply());
  };
  let reader: Reader | null = null;
  if (typeof sock !== "string") {
    reader = new Reader(sock.input);
    if (password !== null) await send(sock, reader, ["AUTH", password]);
    if (db) await send(sock, reader, ["SELECT", String(db)]);
  }
  if (cmd.length) {
    if (typeof sock === "string") {
      await ctx.stderr.write(sock + "\n");
      return 1;
    }
    const r = await send(sock, reader!, cmd);
    sock.close();
    if (!r) {
      await ctx.stderr.write("Error: Server closed the connection\n");
      return 1;
    }
    await ctx.stdout.write(fmt(r) + "\n");
    return r.t === "error" && !tty ? 1 : 0;
  }
  // interactive: a prompt on a terminal, one command per line
  const prompt = () => (typeof sock === "string" ? "not connected> " : `${host}:${port}${db ? `[${db}]` : ""}> `);
  for (;;) {
    if (ctx.stdin.isTTY) await ctx.stdout.write(prompt());
    const line = await ctx.proc.guard(readLine(ctx.stdin));
    if (line === null) break;
    const words = splitInline(line);
    if (!Array.isArray(words)) {
      await ctx.stdout.write("Invalid argument(s)\n");
      continue;
    }
    if (words.length === 0) continue;
    if (words[0].toLowerCase() === "quit" || words[0].toLowerCase() === "exit") break;
    if (typeof sock === "string") {
      await ctx.stdout.write(sock + "\n");
      continue;
    }
    const r = await send(sock, reader!, words);
    if (!r) break;
    await ctx.stdout.write(fmt(r) + "\n");
  }
  if (typeof sock !== "string") sock.close();
  return 0;
};
