/** awk: pattern scanning and processing (-F -v -f -e), BusyBox's dialect and messages. */
import { Die, UsageError, defineApplet } from "./lib/applet";
import { strerror } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { closeInput, openInput, readAllInput } from "./lib/io";
import { binFromBytes, toBin } from "./awk/bytes";
import { Exit, Fatal, Interp, Next, NextFile, RuntimeError, unescapeArg } from "./awk/interp";
import { type Item, ParseError, type Program, parseProgram } from "./awk/parser";
import { AwkError, num, str, truthy, user } from "./awk/values";

defineApplet({
  name: "awk",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "F:v:f:e:W:");
    let progName = "cmd. line";
    const sources: Array<{ name: string; src: string }> = [];
    for (const f of o.all("f")) {
      let src;
      try {
        src = openInput(ctx, f);
      } catch (e) {
        throw new Die(`can't open '${f}': ${strerror(e)}`);
      }
      sources.push({ name: f, src: binFromBytes(await readAllInput(ctx, src)) });
      closeInput(ctx, src);
    }
    for (const e of o.all("e")) sources.push({ name: "cmd. line", src: toBin(e) });
    let operands = o.operands;
    if (!o.has("f") && !o.has("e")) {
      if (operands.length === 0) throw new UsageError(null);
      sources.push({ name: "cmd. line", src: toBin(operands[0]) });
      operands = operands.slice(1);
    }
    if (o.has("W")) await ctx.stderr.write("awk: warning: option -W is ignored\n");
    const prog: Program = { items: [], funcs: new Map() };
    for (const s of sources) {
      progName = s.name;
      try {
        const p = parseProgram(s.src);
        prog.items.push(...p.items);
        for (const [k, v] of p.funcs) prog.funcs.set(k, v);
      } catch (e) {
        if (e instanceof ParseError) throw new Die(`${progName}:${e.line}: ${e.message}`);
        throw e;
      }
    }
    progName = "cmd. line";
    const ip = new Interp(ctx, prog);
    if (o.has("F")) ip.setVar("FS", str(unescapeArg(toBin(o.last("F")!))));
    for (const v of o.all("v")) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(v);
      if (!m) throw new UsageError(null);
      ip.setVar(m[1], user(unescapeArg(toBin(m[2]))));
    }
    const argv = ip.array("ARGV");
    argv.set("0", user("awk"));
    operands.forEach((a, i) => argv.set(String(i + 1), user(toBin(a))));
    ip.setVar("ARGC", num(operands.length + 1));

    const begins = prog.items.filter((i) => i.kind === "begin");
    const mains = prog.items.filter((i) => i.kind === "main");
    const ends = prog.items.filter((i) => i.kind === "end");
    let code = 0;
    const fail = async (e: unknown): Promise<never> => {
      await ip.flush();
      if (e instanceof Fatal) throw new Die(e.message);
      if (e instanceof RuntimeError) throw new Die(`${progName}:${e.line}: ${e.message}`);
      if (e instanceof AwkError) throw new Die(`${progName}:${ip.line}: ${e.message}`);
      throw e;
    };
    const matches = async (it: Item): Promise<boolean> => {
      if (!it.pattern) return true;
      if (!it.pattern2) return truthy(await ip.eval(it.pattern));
      if (!it.inRange) {
        if (!truthy(await ip.eval(it.pattern))) return false;
        it.inRange = true;
      }
      if (truthy(await ip.eval(it.pattern2))) it.inRange = false;
      return true;
    };
    let exited = false;
    try {
      try {
        for (const b of begins) await ip.exec(b.action!);
        if (mains.length || ends.length) {
          for (;;) {
            const rec = await ip.nextMainRecord();
            if (rec === null) break;
            ip.setRecord(rec);
            try {
              for (const it of mains) {
                if (!(await matches(it))) continue;
                if (it.action) await ip.exec(it.action);
                else ip.out.push(ip.str(ip.getField(0)) + ip.sv("ORS"));
                if (ip.out.length > 100) await ip.flush();
              }
            } catch (e) {
              if (e instanceof Next) continue;
              if (e instanceof NextFile) {
                ip.skipFile();
                continue;
              }
              throw e;
            }
          }
        }
      } catch (e) {
        if (!(e instanceof Exit)) throw e;
        if (e.code >= 0) code = e.code;
        exited = true;
      }
      try {
        for (const b of ends) await ip.exec(b.action!);
      } catch (e) {
        if (!(e instanceof Exit)) throw e;
        if (e.code >= 0) code = e.code;
      }
      void exited;
    } catch (e) {
      await ip.streams.closeAll();
      return fail(e);
    }
    await ip.flush();
    await ip.streams.closeAll();
    return code & 255;
  },
});
