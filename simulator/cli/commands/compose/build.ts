/** docker compose build: build the images of the services that have a build section (`<project>-<service>`). */
import { buildService } from "../../../compose/engine";
import { ComposeError } from "../../../compose/types";
import { composeFailure, registerVerb } from "./shared";

registerVerb({
  name: "build",
  use: "[OPTIONS] [SERVICE...]",
  short: "Build or rebuild services",
  args: { kind: "min", n: 0 },
  flags: [
    { long: "build-arg", type: "stringArray", usage: "Set build-time variables for services" },
    { long: "no-cache", type: "bool", usage: "Do not use cache when building the image" },
    { long: "pull", type: "bool", usage: "Always attempt to pull a newer version of the image" },
    { long: "quiet", short: "q", type: "bool", usage: "Don't print anything to STDOUT" },
  ],
  async run(cx, v, args) {
    try {
      const { project: p, env } = await cx.load();
      for (const a of args) if (!p.services.some((s) => s.name === a)) throw new ComposeError(`no such service: ${a}`);
      const io = cx.io();
      const overrides: Record<string, string> = {};
      for (const a of (v["build-arg"] as string[] | undefined) ?? []) overrides[a.split("=")[0]] = a.split("=").slice(1).join("=");
      for (const s of p.services) {
        if (!s.build || (args.length && !args.includes(s.name))) continue;
        const withArgs = Object.keys(overrides).length ? { ...s, build: { ...s.build, args: { ...s.build.args, ...overrides } } } : s;
        await buildService(io, p, withArgs, env);
      }
      return 0;
    } catch (e) {
      return composeFailure(cx.env, e);
    }
  },
});
