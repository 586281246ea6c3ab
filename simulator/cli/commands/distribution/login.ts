/**
 * docker login: check credentials with the registry (through the engine), then store them in
 * ~/.docker/config.json. Texts and streams as the docker CLI's cli/command/registry/login.go.
 */
import { HUB_AUTH_KEY, HUB_HOST } from "../../../distribution/service";
import { login } from "../../../distribution/transfer";
import { readAll, readLine } from "../../../runtime/streams";
import { text } from "../../../util/bytes";
import { bool, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { authKey, configPath, encodeAuth, readConfig, storedCredentials, writeConfig } from "./auth";

const UNENCRYPTED = (file: string) => `
WARNING! Your credentials are stored unencrypted in '${file}'.
Configure a credential helper to remove this warning. See
https://docs.docker.com/go/credential-store/

`;

registerCommand({
  path: "docker login",
  use: "[OPTIONS] [SERVER]",
  short: "Authenticate to a registry",
  long: "Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.",
  args: { kind: "max", n: 1 },
  flags: [
    { long: "password", short: "p", type: "string", usage: "Password or Personal Access Token (PAT)" },
    { long: "password-stdin", type: "bool", usage: "Take the Password or Personal Access Token (PAT) from stdin" },
    { long: "username", short: "u", type: "string", usage: "Username" },
  ],
  async run(env, v, args) {
    let user = str(v, "username");
    let password = str(v, "password");
    const fromStdin = bool(v, "password-stdin");
    if (password !== "") {
      await env.err("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n");
      if (fromStdin) throw new Error("--password and --password-stdin are mutually exclusive");
    }
    if (fromStdin) {
      if (user === "") throw new Error("the --password-stdin option requires --username to be set");
      password = text(await readAll(env.ctx.stdin)).replace(/\n$/, "").replace(/\r$/, "");
    }
    const server = args[0] && args[0] !== "docker.io" ? args[0] : HUB_AUTH_KEY;
    const key = authKey(server);
    const host = key === HUB_AUTH_KEY ? HUB_HOST : key;
    if (user === "" && password === "") {
      const stored = storedCredentials(env, host);
      if (stored) {
        await env.out("Authenticating with existing credentials...\n");
        user = stored.username;
        password = stored.password;
      }
    }
    if (user === "" || password === "") {
      if (!env.ctx.stdin.isTTY) throw new Error("Error: Cannot perform an interactive login from a non TTY device");
      if (user === "") {
        await env.out("Username: ");
        user = ((await readLine(env.ctx.stdin)) ?? "").trim();
        if (user === "") throw new Error("Error: Non-null Username Required");
      }
      if (password === "") {
        await env.out("Password: ");
        password = (await readLine(env.ctx.stdin)) ?? "";
        await env.out("\n");
        if (password === "") throw new Error("Error: Password Required");
      }
    }
    const status = login(env.daemon, host, { username: user, password });
    const cfg = readConfig(env);
    await env.err(UNENCRYPTED(configPath(env)));
    cfg.auths = { ...(cfg.auths ?? {}), [key]: { auth: encodeAuth({ username: user, password }) } };
    writeConfig(env, cfg);
    await env.out(status + "\n");
    return 0;
  },
} satisfies Command);
