/** hostname: print the UTS namespace's name, look it up in /etc/hosts, or set it (CAP_SYS_ADMIN). */
import { Fatal, defineSysApplet, errText } from "./lib/sys-applet";
import { getopt } from "./lib/sys-getopt";

/** gethostbyname through /etc/hosts: the canonical name and the addresses of matching lines. */
function lookup(hosts: string, name: string): { canonical: string; addrs: string[] } | null {
  let canonical: string | null = null;
  const addrs: string[] = [];
  for (const raw of hosts.split("\n")) {
    const f = raw.replace(/#.*/, "").trim().split(/\s+/);
    if (f.length < 2 || f[0].includes(":")) continue;
    if (!f.slice(1).includes(name)) continue;
    // like glibc's files backend: the first matching line answers
    canonical = f[1];
    addrs.push(f[0]);
    break;
  }
  return canonical === null ? null : { canonical, addrs };
}

defineSysApplet({
  name: "hostname",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "dfisF:v", [
      { name: "domain", key: "d" },
      { name: "fqdn", key: "f" },
      { name: "file", key: "F" },
    ]);
    const uts = ctx.proc.ns.uts;
    const name = uts.hostname;
    const set = (value: string) => {
      if (!ctx.proc.cred.caps.has("SYS_ADMIN")) throw new Fatal("sethostname: Operation not permitted");
      if (value.length > 64) throw new Fatal("sethostname: Invalid argument");
      uts.hostname = value;
    };
    if (o.has("d") || o.has("f") || o.has("i")) {
      let hosts = "";
      try {
        hosts = new TextDecoder().decode(ctx.fs.readFile("/etc/hosts"));
      } catch {
        /* no hosts file: the lookup fails */
      }
      const hp = lookup(hosts, name);
      if (!hp) throw new Fatal(`${name}: Host name lookup failure`);
      const dot = hp.canonical.indexOf(".");
      if (o.has("f")) await ctx.stdout.write(hp.canonical + "\n");
      else if (o.has("s")) await ctx.stdout.write((dot < 0 ? hp.canonical : hp.canonical.slice(0, dot)) + "\n");
      else if (o.has("d")) {
        if (dot >= 0) await ctx.stdout.write(hp.canonical.slice(dot + 1) + "\n");
      } else await ctx.stdout.write(hp.addrs.join(" ") + "\n");
    } else if (o.has("s")) {
      await ctx.stdout.write(name.split(".")[0] + "\n");
    } else if (o.has("F")) {
      let text: string;
      try {
        text = new TextDecoder().decode(ctx.fs.readFile(o.get("F")!));
      } catch (e) {
        throw new Fatal(`can't open '${o.get("F")}': ${errText(e)}`);
      }
      // every line sets the name in turn (the last one stays); "#" starts a comment
      for (const line of text.split("\n")) {
        const t = line.replace(/#.*/, "").trim().split(/[ \t]+/)[0];
        if (t) set(t);
      }
    } else if (o.operands.length > 0) {
      set(o.operands[0]);
    } else {
      await ctx.stdout.write(name + "\n");
    }
    return 0;
  },
});
