/** sed: the stream editor (-n -e -f -i[SFX] -r/-E), BusyBox's dialect and messages. */
import { text } from "../../util/bytes";
import { Die, UsageError, defineApplet } from "./lib/applet";
import { perror, strerror } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { closeInput, openInput, readAllInput } from "./lib/io";
import { umaskOf } from "./lib/mode";
import { type Script, addBlock, addCmd } from "./sed/parse";
import { Out, Runner, openWFiles } from "./sed/run";
import { Collector } from "../streams";

defineApplet({
  name: "sed",
  async run(ctx) {
    if (ctx.argv[1] === "--version") {
      await ctx.stdout.write("This is not GNU sed version 4.0\n");
      return 0;
    }
    const o = getopt(ctx.argv.slice(1), "i::rEne:f:", [
      { name: "in-place", key: "i", arg: "optional" },
      { name: "regexp-extended", key: "r" },
      { name: "quiet", key: "n" },
      { name: "silent", key: "n" },
      { name: "expression", key: "e", arg: "required" },
      { name: "file", key: "f", arg: "required" },
    ]);
    const sc: Script = { cmds: [], extended: o.has("r") || o.has("E"), quiet: o.count("n"), pending: null, previous: null, wfiles: new Set() };
    for (const e of o.all("e")) addBlock(sc, e);
    for (const f of o.all("f")) {
      let src;
      try {
        src = openInput(ctx, f);
      } catch (e) {
        throw new Die(`can't open '${f}': ${strerror(e)}`);
      }
      const data = text(await readAllInput(ctx, src));
      closeInput(ctx, src);
      const lines = data.split("\n");
      if (lines[lines.length - 1] === "") lines.pop();
      for (const l of lines) addCmd(sc, l);
    }
    let files = o.operands;
    if (!o.has("e") && !o.has("f")) {
      if (files.length === 0) throw new UsageError(null);
      addBlock(sc, files[0]);
      files = files.slice(1);
    }
    addCmd(sc, "");
    const mode = 0o666 & ~umaskOf(ctx);
    const wfiles = openWFiles(ctx, sc.wfiles, mode);
    const inPlace = o.has("i");
    const runner = new Runner(ctx, sc, new Out(ctx.stdout), wfiles);
    try {
      if (files.length === 0) {
        if (inPlace) throw new Die("-i requires an argument");
        await runner.process(["-"]);
      } else if (!inPlace) {
        // each "-" ends a run of files processed together (line numbers restart after it)
        let seg: string[] = [];
        for (const f of files) {
          seg.push(f);
          if (f === "-") {
            await runner.process(seg);
            seg = [];
          }
        }
        await runner.process(seg);
      } else {
        const suffix = o.last("i");
        for (const f of files) {
          let st;
          try {
            st = ctx.fs.stat(f);
          } catch (e) {
            await perror(ctx, f, e);
            runner.exitcode = 1;
            continue;
          }
          const buf = new Collector();
          const r = new Runner(ctx, sc, new Out(buf), wfiles);
          r.hold = runner.hold;
          await r.process([f]);
          runner.hold = r.hold;
          if (r.exitcode) runner.exitcode = r.exitcode;
          for (const c of sc.cmds) {
            c.begLine = c.begLineOrig;
            c.endLine = c.endLineOrig;
          }
          // a new file replaces the old one (hard links keep the old content), as with mkstemp + rename
          let tmp = f + "XXXXXX";
          for (let k = 0; ctx.fs.exists(tmp); k++) tmp = `${f}${k.toString(36).padStart(6, "0")}`;
          ctx.fs.writeFile(tmp, buf.bytes(), { mode: st.mode & 0o777 });
          try {
            ctx.fs.chmod(tmp, st.mode);
            ctx.fs.chown(tmp, st.uid, st.gid);
          } catch {
            /* as fchmod/fchown on the new file: best effort */
          }
          if (suffix) ctx.fs.rename(f, f + suffix);
          ctx.fs.rename(tmp, f);
          if (r.quit) break;
        }
      }
    } finally {
      for (const w of wfiles.values()) if (w.w !== ctx.stdout && w.w !== ctx.stderr) w.w.close();
    }
    return runner.exitcode;
  },
});
