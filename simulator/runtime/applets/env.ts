/** env: print the environment, or run a program in a changed one. */
import { defineSysApplet } from "./lib/sys-applet";
import { execvp } from "./lib/sys-exec";
import { getopt } from "./lib/sys-getopt";

defineSysApplet({
  name: "env",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "+i0u:", [
      { name: "ignore-environment", key: "i" },
      { name: "null", key: "0" },
      { name: "unset", key: "u", arg: true },
    ]);
    const args = [...o.operands];
    let clear = o.has("i");
    if (args[0] === "-") {
      clear = true;
      args.shift();
    }
    const env: Record<string, string> = clear ? {} : { ...ctx.env };
    for (const name of o.all("u")) {
      const eq = name.indexOf("=");
      if (eq < 0) delete env[name];
      else env[name.slice(0, eq)] = name.slice(eq + 1);
    }
    while (args.length > 0 && args[0].includes("=")) {
      const a = args.shift()!;
      const eq = a.indexOf("=");
      env[a.slice(0, eq)] = a.slice(eq + 1);
    }
    if (args.length > 0) return execvp(ctx, args, env);
    const end = o.has("0") ? "\0" : "\n";
    await ctx.stdout.write(Object.entries(env).map(([k, v]) => `${k}=${v}${end}`).join(""));
    return 0;
  },
});
