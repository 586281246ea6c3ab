/** docker compose ps: the project's containers (running ones unless -a), as Compose's table shows them. */
import { bool, list, str } from "../../command";
import { projectContainers, serviceOf } from "../../../compose/engine";
import { PS_HEADER, psContext } from "../container/ps-context";
import { renderFormat } from "../../template/table";
import { T, typed } from "../../template/index";

const DEFAULT = "table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}";
const HEADER = { ...PS_HEADER, Name: "NAME", Service: "SERVICE", Project: "PROJECT" };
const Context = T.ptr(T.struct("formatter.ContainerContext", []));
import { composeFailure, registerVerb } from "./shared";

registerVerb({
  name: "ps",
  use: "[OPTIONS] [SERVICE...]",
  short: "List containers",
  args: { kind: "min", n: 0 },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Show all stopped containers (including those created by the run command)" },
    { long: "format", type: "string", default: "table", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { long: "quiet", short: "q", type: "bool", usage: "Only display IDs" },
    { long: "services", type: "bool", usage: "Display services" },
    { long: "status", type: "stringArray", usage: "Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]" },
  ],
  async run(cx, v, args) {
    const env = cx.env;
    try {
      const name = await cx.projectName();
      let cs = projectContainers(env.daemon, name, { oneoff: bool(v, "all"), services: args });
      if (!bool(v, "all")) cs = cs.filter((c) => c.state.Running);
      const statuses = list(v, "status");
      if (statuses.length) cs = cs.filter((c) => statuses.includes(c.state.Status));
      if (bool(v, "quiet")) {
        await env.out(cs.map((c) => c.id + "\n").join(""));
        return 0;
      }
      if (bool(v, "services")) {
        await env.out([...new Set(cs.map(serviceOf))].map((s) => s + "\n").join(""));
        return 0;
      }
      const rows = cs.map((c) => {
        const ctx = psContext(env.daemon, c, true, false).ctx;
        return { c, ctx };
      });
      if (str(v, "format") === "json") {
        for (const { c, ctx } of rows) await env.out(JSON.stringify({ Command: JSON.parse(ctx.Command()), CreatedAt: ctx.CreatedAt(), ExitCode: c.state.ExitCode, Health: c.state.Health?.Status ?? "", ID: c.id, Image: c.config.Image, Labels: ctx.Labels(), LocalVolumes: ctx.LocalVolumes(), Mounts: ctx.Mounts(), Name: c.name, Names: c.name, Networks: ctx.Networks(), Ports: ctx.Ports(), Project: name, RunningFor: ctx.RunningFor(), Service: serviceOf(c), Size: "0B", State: c.state.Status, Status: ctx.Status() }) + "\n");
        return 0;
      }
      const format = !str(v, "format") || str(v, "format") === "table" ? DEFAULT : str(v, "format");
      const r = renderFormat({ format, rows: rows.map(({ c, ctx }) => typed(Context, { ...ctx, Image: () => c.config.Image, Name: () => c.name, Service: () => serviceOf(c), Project: () => name })), header: HEADER });
      if (!r.ok) {
        await env.err((r.stage === "parse" ? "failed to parse template: " : "failed to execute template: ") + r.error + "\n");
        return 1;
      }
      await env.out(r.output);
      return 0;
    } catch (e) {
      return composeFailure(env, e);
    }
  },
});
