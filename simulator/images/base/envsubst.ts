/**
 * envsubst (GNU gettext-base), as the nginx image's template script uses it: copy standard input
 * to standard output with `$VAR` and `${VAR}` replaced by the environment's values (empty when
 * unset), or, given a SHELL-FORMAT argument, only the variables it names.
 */
import type { Program } from "../../runtime/program";
import { readAll } from "../../runtime/streams";
import { text } from "../../util/bytes";

export const envsubstProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === "--version" || args[0] === "-V") {
    await ctx.stdout.write("envsubst (GNU gettext-runtime) 0.23.1\n");
    return 0;
  }
  let only: Set<string> | null = null;
  if (args.length) {
    only = new Set();
    for (const m of args.join(" ").matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) only.add(m[1]);
  }
  const input = text(await readAll(ctx.stdin));
  const out = input.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (all, a: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    if (only && !only.has(name)) return all;
    return ctx.env[name] ?? "";
  });
  await ctx.stdout.write(out);
  return 0;
};
