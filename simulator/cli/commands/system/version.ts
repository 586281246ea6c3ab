/**
 * docker version: the client and the engine. The simulated CLI is the current client the
 * transcripts were recorded with (28.2.2); the engine reports the version whose behaviour the
 * recorded transcripts hold (20.10.24, API 1.41), so the client shows the API it negotiated
 * down to, as it does against that engine.
 */
import { str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { parseTemplate } from "../../template/index";

export const CLIENT = { Version: "28.2.2", ApiVersion: "1.41", DefaultAPIVersion: "1.50", GoVersion: "go1.24.3", GitCommit: "e6534b4", Built: "Fri May 30 12:07:14 2025", Os: "linux", Arch: "amd64", Context: "default" };
export const ENGINE = { Version: "20.10.24", ApiVersion: "1.41", MinAPIVersion: "1.12", GoVersion: "go1.19.8", GitCommit: "5d6db84", BuildTime: "Thu May  7 21:09:36 2026", Os: "linux", Arch: "amd64", Experimental: false };
const CONTAINERD = { Version: "1.6.20", GitCommit: "2806fc1057397dbaeefbea0e4e17bddfbd388f38" };
const RUNC = { Version: "1.1.5", GitCommit: "f19387a6bec4944c770f7668ab51c4348d9c2f38" };
const INIT = { Version: "0.19.0", GitCommit: "de40ad0" };

function versionText(): string {
  const c = CLIENT;
  const e = ENGINE;
  return `Client:
 Version:           ${c.Version}
 API version:       ${c.ApiVersion} (downgraded from ${c.DefaultAPIVersion})
 Go version:        ${c.GoVersion}
 Git commit:        ${c.GitCommit}
 Built:             ${c.Built}
 OS/Arch:           ${c.Os}/${c.Arch}
 Context:           ${c.Context}

Server:
 Engine:
  Version:          ${e.Version}
  API version:      ${e.ApiVersion} (minimum version ${e.MinAPIVersion})
  Go version:       ${e.GoVersion}
  Git commit:       ${e.GitCommit}
  Built:            ${e.BuildTime}
  OS/Arch:          ${e.Os}/${e.Arch}
  Experimental:     ${e.Experimental}
 containerd:
  Version:          ${CONTAINERD.Version}
  GitCommit:        ${CONTAINERD.GitCommit}
 runc:
  Version:          ${RUNC.Version}
  GitCommit:        ${RUNC.GitCommit}
 docker-init:
  Version:          ${INIT.Version}
  GitCommit:        ${INIT.GitCommit}
`;
}

/** The value `--format` templates see (types.Version's JSON shape). */
function versionData() {
  return {
    Client: { Platform: { Name: "" }, Version: CLIENT.Version, ApiVersion: CLIENT.ApiVersion, DefaultAPIVersion: CLIENT.DefaultAPIVersion, GitCommit: CLIENT.GitCommit, GoVersion: CLIENT.GoVersion, Os: CLIENT.Os, Arch: CLIENT.Arch, BuildTime: CLIENT.Built, Context: CLIENT.Context },
    Server: {
      Platform: { Name: "" },
      Components: [
        { Name: "Engine", Version: ENGINE.Version, Details: { ApiVersion: ENGINE.ApiVersion, Arch: ENGINE.Arch, BuildTime: ENGINE.BuildTime, Experimental: String(ENGINE.Experimental), GitCommit: ENGINE.GitCommit, GoVersion: ENGINE.GoVersion, MinAPIVersion: ENGINE.MinAPIVersion, Os: ENGINE.Os } },
        { Name: "containerd", Version: CONTAINERD.Version, Details: { GitCommit: CONTAINERD.GitCommit } },
        { Name: "runc", Version: RUNC.Version, Details: { GitCommit: RUNC.GitCommit } },
        { Name: "docker-init", Version: INIT.Version, Details: { GitCommit: INIT.GitCommit } },
      ],
      Version: ENGINE.Version,
      ApiVersion: ENGINE.ApiVersion,
      MinAPIVersion: ENGINE.MinAPIVersion,
      GitCommit: ENGINE.GitCommit,
      GoVersion: ENGINE.GoVersion,
      Os: ENGINE.Os,
      Arch: ENGINE.Arch,
      KernelVersion: "6.10.14-linuxkit",
      BuildTime: "2026-05-07T21:09:36.000000000+00:00",
    },
  };
}

registerCommand({
  path: "docker version",
  use: "[OPTIONS]",
  short: "Show the Docker version information",
  args: { kind: "none" },
  flags: [{ long: "format", short: "f", type: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" }],
  async run(env, v) {
    const format = str(v, "format");
    if (!format) {
      await env.out(versionText());
      return 0;
    }
    if (format === "json") {
      await env.out(JSON.stringify(versionData()) + "\n");
      return 0;
    }
    try {
      await env.out(parseTemplate(format).execute(versionData()) + "\n");
      return 0;
    } catch (e) {
      await env.err(`template: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  },
} satisfies Command);
