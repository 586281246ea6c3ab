/** Lesson 11 exercises: a DNS alias on a user network, publishing a port, a container without a network. */
import type { CheckEngine, ContainerInspect } from "../../../simulator/check/engine";
import { defineExercises, failed, type CheckResult, type Said } from "../../../simulator/check/exercise";
import { stateSaid } from "../../lib/checks";

const pass: CheckResult = { pass: true };

const isResult = (v: ContainerInspect | CheckResult): v is CheckResult => "pass" in v;

/** A running container by name, or the failure that describes it. */
async function running(engine: CheckEngine, name: string, how: Said): Promise<ContainerInspect | CheckResult> {
  const c = await engine.container(name);
  if (!c) return failed(`there is no container named \`${name}\`: ${how.en}`, `\`${name}\` という名前のコンテナがありません。${how.ja}`);
  if (!c.State.Running) {
    const st = stateSaid(c);
    return failed(`container \`${name}\` ${st.en}, expected it to be running`, `コンテナ \`${name}\` ${st.ja}。実行中である必要があります。`);
  }
  return c;
}

/** The networks a container is on, in words ("`bridge` (172.17.0.3)"); in Japanese a sentence ("接続先は `bridge`（172.17.0.3）です。"). */
function networksText(c: ContainerInspect): Said {
  const nets = Object.entries(c.NetworkSettings.Networks ?? {});
  if (nets.length === 0) return { en: "no network", ja: "接続先のネットワークはありません。" };
  const each = nets.map(([n, e]) => `\`${n}\`${e.IPAddress ? ` (${e.IPAddress})` : ""}`);
  const ja = nets.map(([n, e]) => `\`${n}\`${e.IPAddress ? `（${e.IPAddress}）` : ""}`).join("、");
  return { en: each.join(", "), ja: `接続先は ${ja}${ja.endsWith("）") ? "" : " "}です。` };
}

/** Aliases of a container on a network, without its own ID (the engine adds the short ID). */
function aliases(c: ContainerInspect, net: string): string[] {
  const id = c.Id.slice(0, 12);
  return (c.NetworkSettings.Networks[net]?.Aliases ?? []).filter((a) => a !== id);
}

const SITE = "site-ok";

export default defineExercises([
  {
    id: "networks/alias",
    title: "Reach the database as db",
    goal:
      "The application in `net-api` expects its database under the host name `db`. Both `net-api` and the database container `net-pg` run on the default bridge, " +
      "where names do not resolve. Create a user-defined network `net-backend` and attach both containers so that `net-api` reaches `net-pg` as `db`.",
    setup: [
      { docker: ["run", "-d", "--name", "net-pg", "busybox", "sh", "-c", `echo ${SITE.replace("site", "db")} > /index.html && exec httpd -f -p 80 -h /`] },
      { docker: ["run", "-d", "--name", "net-api", "busybox", "sleep", "3600"] },
    ],
    hints: [
      "Containers on the same user-defined network find each other by name through Docker's DNS server; the default `bridge` network has none.",
      "`docker network connect` attaches a running container to a network; `--alias` gives it an extra name on that network.",
      "`docker network create net-backend`, `docker network connect --alias db net-backend net-pg`, `docker network connect net-backend net-api`.",
    ],
    solution: ["docker network create net-backend", "docker network connect --alias db net-backend net-pg", "docker network connect net-backend net-api"],
    wrong: [
      {
        // both on the network, but nobody is called db
        commands: ["docker network create net-backend", "docker network connect net-backend net-pg", "docker network connect net-backend net-api"],
        expect: "no alias `db`",
      },
      {
        // the database is there, the application is not
        commands: ["docker network create net-backend", "docker network connect --alias db net-backend net-pg"],
        expect: "`net-api` is not attached",
      },
      {
        // the alias on the wrong container
        commands: ["docker network create net-backend", "docker network connect net-backend net-pg", "docker network connect --alias db net-backend net-api"],
        expect: "is an alias of `net-api`",
      },
    ],
    translations: {
      ja: {
        title: "データベースを db という名前で見つける",
        goal:
          "`net-api` のアプリケーションは、データベースがホスト名 `db` にあるものとして動きます。`net-api` もデータベースのコンテナ `net-pg` もデフォルトのブリッジ上で動いていて、そこでは名前解決ができません。" +
          "ユーザー定義ネットワーク `net-backend` を作って両方のコンテナを接続し、`net-api` から `db` という名前で `net-pg` に届くようにしてください。",
        hints: [
          "同じユーザー定義ネットワーク上のコンテナは、Docker の DNS サーバーを通じて名前で互いを見つけます。デフォルトの `bridge` ネットワークには DNS サーバーがありません。",
          "`docker network connect` は動いているコンテナをネットワークに接続します。`--alias` を付けると、そのネットワーク上でのエイリアス（別名）が加わります。",
          "`docker network create net-backend`、`docker network connect --alias db net-backend net-pg`、`docker network connect net-backend net-api` の順に実行します。",
        ],
        checks: ["ユーザー定義ネットワーク `net-backend` がある", "`net-pg` と `net-api` が両方とも `net-backend` に接続している", "`net-api` から `db` という名前で `net-pg` の Web サーバーに届く"],
      },
    },
    checks: [
      {
        description: "a user-defined network `net-backend` exists",
        async run(engine) {
          const n = await engine.network("net-backend");
          if (!n)
            return failed(
              "there is no network `net-backend`: create it with `docker network create net-backend`",
              "ネットワーク `net-backend` がありません。`docker network create net-backend` で作成してください。",
            );
          if (n.Driver === "bridge") return pass;
          return failed(
            `network \`net-backend\` uses the driver \`${n.Driver}\`, expected \`bridge\``,
            `ネットワーク \`net-backend\` のドライバーは \`${n.Driver}\` です。\`bridge\` にしてください。`,
          );
        },
      },
      {
        description: "`net-pg` and `net-api` are both attached to `net-backend`",
        async run(engine) {
          for (const name of ["net-pg", "net-api"]) {
            const c = await running(engine, name, { en: "it was started by the exercise", ja: "演習の開始時に起動されていたコンテナです。" });
            if (isResult(c)) return c;
            if (!c.NetworkSettings.Networks["net-backend"]) {
              const nets = networksText(c);
              return failed(
                `\`${name}\` is not attached to \`net-backend\` (it is on ${nets.en}): containers only resolve each other on a network they share; \`docker network connect net-backend ${name}\``,
                `\`${name}\` は \`net-backend\` に接続していません。${nets.ja}コンテナ同士が名前で見つけ合えるのは、同じネットワークに接続しているときだけです。\`docker network connect net-backend ${name}\` で接続してください。`,
              );
            }
          }
          return pass;
        },
      },
      {
        description: "from `net-api`, the name `db` reaches the web server of `net-pg`",
        async run(engine) {
          const [pg, api] = [await engine.container("net-pg"), await engine.container("net-api")];
          if (!pg || !api) return failed("`net-pg` and `net-api` must both exist", "`net-pg` と `net-api` が両方とも存在している必要があります。");
          const r = await engine.exec("net-api", ["wget", "-qO-", "http://db/"]);
          if (r.exitCode === 0 && r.stdout.includes("db-ok")) return pass;
          if (aliases(api, "net-backend").includes("db"))
            return failed(
              "`db` is an alias of `net-api`, not of `net-pg`: the alias belongs to the container that should answer to the name",
              "`db` は `net-pg` ではなく `net-api` のエイリアスになっています。エイリアスは、その名前で応答すべきコンテナに付けます。",
            );
          if (!aliases(pg, "net-backend").includes("db")) {
            return failed(
              "`net-pg` has no alias `db` on `net-backend`, so `db` does not resolve (it answers to `net-pg` and its ID there): attach it with `docker network connect --alias db net-backend net-pg`, or disconnect and connect again with the alias",
              "`net-pg` には `net-backend` 上のエイリアス `db` がないので、`db` は名前解決できません（そこで `net-pg` が応答するのは、`net-pg` という名前と ID です）。`docker network connect --alias db net-backend net-pg` で接続するか、いったん切断してからエイリアスを付けて接続し直してください。",
            );
          }
          const out = (r.stderr || r.stdout).trim();
          return failed(
            `from \`net-api\`, \`wget http://db/\` failed: ${out || `exit code ${r.exitCode}`}`,
            `\`net-api\` から実行した \`wget http://db/\` が失敗しました（${out || `終了コード ${r.exitCode}`}）。`,
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "networks/publish",
    title: "Publish a port to the host",
    goal: "Run a container `net-site` (detached) from the image `net-site:1`, whose web server listens on port 80, so that the host reaches it at `http://127.0.0.1:8086/`.",
    setup: [
      { file: "site/Dockerfile", content: `FROM busybox\nRUN echo ${SITE} > /index.html\nEXPOSE 80\nCMD ["httpd", "-f", "-p", "80", "-h", "/"]\n` },
      { docker: ["build", "-t", "net-site:1", "site"] },
    ],
    hints: [
      "`EXPOSE 80` in the image only documents the port; nothing on the host forwards to it until the container is started with a publish option.",
      "`-p HOST:CONTAINER` forwards a host port to a container port; `-P` picks random host ports for every exposed port.",
      "`docker run -d --name net-site -p 8086:80 net-site:1`",
    ],
    solution: ["docker run -d --name net-site -p 8086:80 net-site:1"],
    wrong: [
      {
        // EXPOSE alone publishes nothing
        commands: ["docker run -d --name net-site net-site:1"],
        expect: "`EXPOSE` only documents",
      },
      {
        // -P: a random host port
        commands: ["docker run -d --name net-site -P net-site:1"],
        expect: "random host port",
      },
      {
        // the two numbers swapped
        commands: ["docker run -d --name net-site -p 80:8086 net-site:1"],
        expect: "`-p HOST:CONTAINER`",
      },
    ],
    translations: {
      ja: {
        title: "ポートをホストに公開する",
        goal: "イメージ `net-site:1` からコンテナ `net-site` を（デタッチして）起動し、ホストから `http://127.0.0.1:8086/` で届くようにしてください。このイメージの Web サーバーはポート 80 で待ち受けています。",
        hints: [
          "イメージの `EXPOSE 80` は、ポートを記録しておくだけです。公開のオプションを付けてコンテナを起動するまで、ホストからそのポートへは何も転送されません。",
          "`-p HOST:CONTAINER` はホストのポートをコンテナのポートに転送します。`-P` は、EXPOSE されたすべてのポートにランダムなホストのポートを割り当てます。",
          "`docker run -d --name net-site -p 8086:80 net-site:1`",
        ],
        checks: ["`net-site:1` のコンテナ `net-site` が実行中である", "ホストのポート 8086 がコンテナのポート 80 に公開されている", "`net-site` の Web サーバーがポート 80 で応答する"],
      },
    },
    checks: [
      {
        description: "a container `net-site` of `net-site:1` is running",
        async run(engine) {
          const c = await running(engine, "net-site", {
            en: "run it with `docker run -d --name net-site ... net-site:1`",
            ja: "`docker run -d --name net-site ... net-site:1` で起動してください。",
          });
          if (isResult(c)) return c;
          const img = await engine.image("net-site:1");
          if (img && img.Id === c.Image) return pass;
          return failed(
            `container \`net-site\` was made from \`${c.Config.Image}\`, expected \`net-site:1\``,
            `コンテナ \`net-site\` は \`${c.Config.Image}\` から作られています。\`net-site:1\` から作ってください。`,
          );
        },
      },
      {
        description: "host port 8086 is published to the container's port 80",
        async run(engine) {
          const c = await engine.container("net-site");
          if (!c) return failed("there is no container `net-site`", "コンテナ `net-site` がありません。");
          const bindings = c.HostConfig.PortBindings ?? {};
          if ((bindings["80/tcp"] ?? []).some((b) => b.HostPort === "8086")) return pass;
          const published = Object.entries(c.NetworkSettings.Ports ?? {}).flatMap(([port, list]) => (list ?? []).map((b) => ({ port, host: b.HostPort })));
          if (c.HostConfig.PublishAllPorts === true && published.length) {
            const hosts = [...new Set(published.map((p) => p.host))];
            return failed(
              `\`-P\` published port 80 on a random host port (${hosts.join(", ")}), not 8086: name the host port with \`-p 8086:80\``,
              `\`-P\` はポート 80 を、ランダムに選ばれたホストのポート（${hosts.join("、")}）に公開しました。8086 ではありません。\`-p 8086:80\` でホストのポートを指定してください。`,
            );
          }
          const wrongWay = Object.entries(bindings).find(([port, list]) => port === "8086/tcp" && (list ?? []).some((b) => b.HostPort === "80"));
          if (wrongWay)
            return failed(
              "`net-site` publishes host port 80 to container port 8086, where nothing listens: `-p HOST:CONTAINER` takes the host's port first (`-p 8086:80`)",
              "`net-site` はホストのポート 80 を、何も待ち受けていないコンテナのポート 8086 に公開しています。`-p HOST:CONTAINER` では、ホストのポートを先に書きます（`-p 8086:80`）。",
            );
          if (Object.keys(bindings).length === 0)
            return failed(
              "`net-site` publishes no port: `EXPOSE` only documents port 80, so start the container with `-p 8086:80`",
              "`net-site` はポートを 1 つも公開していません。`EXPOSE` はポート 80 を記録しておくだけなので、`-p 8086:80` を付けてコンテナを起動してください。",
            );
          const list = (random: string) =>
            Object.entries(bindings).flatMap(([port, l]) => (l ?? []).map((b) => `${b.HostIp ? b.HostIp + ":" : ""}${b.HostPort || random}->${port}`));
          return failed(
            `\`net-site\` publishes ${list("(random)").join(", ")}, expected host port 8086 to container port 80 (\`-p 8086:80\`)`,
            `\`net-site\` が公開しているのは ${list("（ランダム）").join("、")} です。ホストのポート 8086 をコンテナのポート 80 に公開してください（\`-p 8086:80\`）。`,
          );
        },
      },
      {
        description: "the web server in `net-site` answers on port 80",
        async run(engine) {
          const c = await engine.container("net-site");
          if (!c || !c.State.Running) return failed("`net-site` is not running", "`net-site` は実行中ではありません。");
          const r = await engine.exec("net-site", ["wget", "-qO-", "http://127.0.0.1:80/"]);
          if (r.exitCode === 0 && r.stdout.includes(SITE)) return pass;
          const answer = JSON.stringify((r.stdout || r.stderr).trim());
          return failed(`inside \`net-site\`, port 80 answers ${answer}, expected the site`, `\`net-site\` の中のポート 80 が返したのは ${answer} で、サイトのページではありません。`);
        },
      },
    ],
    real: true,
  },
  {
    id: "networks/sealed",
    title: "A container without a network",
    goal: "Start a container `net-sealed` (`busybox`, `sleep 3600`, detached) that has no network interface except loopback: nothing can reach it and it can reach nothing.",
    setup: [],
    hints: [
      "By default a container joins the default `bridge` network and gets an `eth0` with an address.",
      "The network called `none` gives a container its own network namespace with only `lo`.",
      "`docker run -d --name net-sealed --network none busybox sleep 3600`",
    ],
    solution: ["docker run -d --name net-sealed --network none busybox sleep 3600"],
    wrong: [
      {
        // the default network
        commands: ["docker run -d --name net-sealed busybox sleep 3600"],
        expect: "is on `bridge`",
      },
      {
        // the host's network: no isolation at all
        commands: ["docker run -d --name net-sealed --network host busybox sleep 3600"],
        expect: "shares the host's network",
      },
    ],
    translations: {
      ja: {
        title: "ネットワークのないコンテナ",
        goal: "ループバック以外のネットワークインターフェイスを持たないコンテナ `net-sealed`（`busybox`、`sleep 3600`、デタッチ）を起動してください。外からは何も届かず、中からもどこにも届かないコンテナです。",
        hints: [
          "コンテナはデフォルトでは `bridge` ネットワークに参加し、アドレスの付いた `eth0` を持ちます。",
          "`none` というネットワークを指定すると、コンテナは `lo` だけを持つ専用のネットワーク名前空間を得ます。",
          "`docker run -d --name net-sealed --network none busybox sleep 3600`",
        ],
        checks: ["`net-sealed` が実行中である", "`net-sealed` にはループバックインターフェイスしかない"],
      },
    },
    checks: [
      {
        description: "`net-sealed` is running",
        async run(engine) {
          const c = await running(engine, "net-sealed", {
            en: "run it with `docker run -d --name net-sealed ... busybox sleep 3600`",
            ja: "`docker run -d --name net-sealed ... busybox sleep 3600` で起動してください。",
          });
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`net-sealed` has only the loopback interface",
        async run(engine) {
          const c = await engine.container("net-sealed");
          if (!c) return failed("there is no container `net-sealed`", "コンテナ `net-sealed` がありません。");
          const mode = c.HostConfig.NetworkMode;
          if (mode === "host")
            return failed(
              "`net-sealed` shares the host's network stack (`--network host`): it sees every interface of the host, the opposite of sealed",
              "`net-sealed` はホストのネットワークスタックを共有しています（`--network host`）。ホストのすべてのネットワークインターフェイスが見えるので、閉じているのとは正反対です。",
            );
          if (mode !== "none") {
            const nets = networksText(c);
            return failed(
              `\`net-sealed\` is on ${nets.en}: its \`eth0\` can reach other containers and the outside; use \`--network none\``,
              `\`net-sealed\` の${nets.ja}その \`eth0\` からほかのコンテナや外部に届いてしまいます。\`--network none\` を使ってください。`,
            );
          }
          const r = await engine.exec("net-sealed", ["sh", "-c", "ip -4 addr | grep inet"]);
          const addrs = r.stdout.trim().split("\n").map((l) => l.trim()).filter(Boolean);
          if (addrs.length === 1 && addrs[0].startsWith("inet 127.0.0.1/8")) return pass;
          return failed(
            `\`net-sealed\` has these addresses: ${addrs.join("; ")}`,
            `\`net-sealed\` にあるアドレスは ${addrs.join("、")} です。ループバックの 127.0.0.1 だけのはずです。`,
          );
        },
      },
    ],
    real: true,
  },
]);
