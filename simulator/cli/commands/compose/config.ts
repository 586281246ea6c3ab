/** docker compose config: the project in canonical form (or its services, volumes, images). */
import { bool, str } from "../../command";
import { configYaml } from "../../../compose/config";
import { imageName } from "../../../compose/engine";
import { composeFailure, registerVerb } from "./shared";

registerVerb({
  name: "config",
  use: "[OPTIONS] [SERVICE...]",
  short: "Parse, resolve and render compose file in canonical format",
  args: { kind: "min", n: 0 },
  flags: [
    { long: "format", type: "string", default: "yaml", usage: 'Format the output. Values: [yaml | json]' },
    { long: "images", type: "bool", usage: "Print the image names, one per line." },
    { long: "quiet", short: "q", type: "bool", usage: "Only validate the configuration, don't print anything" },
    { long: "services", type: "bool", usage: "Print the service names, one per line." },
    { long: "volumes", type: "bool", usage: "Print the volume names, one per line." },
  ],
  async run(cx, v, args) {
    const env = cx.env;
    try {
      const { project } = await cx.load();
      const p = args.length ? { ...project, services: project.services.filter((s) => args.includes(s.name)) } : project;
      if (bool(v, "quiet")) return 0;
      if (bool(v, "services")) await env.out(p.services.map((s) => s.name + "\n").join(""));
      else if (bool(v, "volumes")) await env.out(Object.keys(p.volumes).map((k) => k + "\n").join(""));
      else if (bool(v, "images")) await env.out(p.services.map((s) => imageName(p, s) + "\n").join(""));
      else if (str(v, "format") === "json") await env.out(JSON.stringify({ name: p.name, services: Object.fromEntries(p.services.map((s) => [s.name, s])), networks: p.networks, volumes: p.volumes }, null, 2) + "\n");
      else await env.out(configYaml(p));
      return 0;
    } catch (e) {
      return composeFailure(env, e);
    }
  },
});
