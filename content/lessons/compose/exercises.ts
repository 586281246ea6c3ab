/** Lesson 14 exercises: what Compose creates, done by hand (names, network, service DNS, env), and what `down` removes. */
import type { CheckEngine, ContainerInspect } from "../../../simulator/check/engine";
import { defineExercises, failed, type CheckResult, type Said } from "../../../simulator/check/exercise";
import { container, isResult, pass, running } from "../../lib/checks";

/** The networks a container is attached to, by name. */
const networksOf = (c: ContainerInspect): string[] => Object.keys(c.NetworkSettings.Networks ?? {});

/** A running container attached to `net`, or the failure that says where it is instead. */
async function onNetwork(engine: CheckEngine, name: string, net: string, hint: Said): Promise<ContainerInspect | CheckResult> {
  const c = await running(engine, name, hint);
  if (isResult(c)) return c;
  const nets = networksOf(c);
  if (nets.includes(net)) return c;
  const on = nets.map((n) => `\`${n}\``);
  return failed(
    `container \`${name}\` is on ${on.join(", ") || "no network"}, not on \`${net}\`: Compose puts every service on the project's network. ` +
      `Remove it and run it again with \`--network ${net}\``,
    `${on.length ? `コンテナ \`${name}\` が接続しているのは ${on.join("、")} で、\`${net}\` ではありません。` : `コンテナ \`${name}\` はどのネットワークにも接続していません。`}` +
      `Compose はすべてのサービスをプロジェクトのネットワークに接続します。コンテナを削除し、\`--network ${net}\` を付けて起動し直してください。`,
  );
}

const TODO_COMPOSE = `services:
  app:
    image: busybox
    command: sleep 3600
    environment:
      PGHOST: db
      PGUSER: postgres
    depends_on:
      - db
  db:
    image: postgres:17
    environment:
      POSTGRES_PASSWORD: example
    volumes:
      - db-data:/var/lib/postgresql/data
volumes:
  db-data:
`;

export default defineExercises([
  {
    id: "compose/by-hand",
    title: "What Compose would create, by hand",
    goal:
      "Do by hand what `docker compose up` does for a project `todo` with two services, `db` and `app`, both `busybox` running `sleep 3600`: " +
      "the network `todo_default`; containers `todo-db-1` and `todo-app-1` on it; `db` reachable from the app by its service name; and `DB_HOST=db` in the app's environment.",
    setup: [],
    hints: [
      "Compose names the network `<project>_default` and each container `<project>-<service>-<n>`, and on that network gives each container its service name as an extra DNS name.",
      "`docker network create todo_default`; `docker run -d --name todo-db-1 --network todo_default --network-alias db busybox sleep 3600`.",
      "Then `docker run -d --name todo-app-1 --network todo_default --network-alias app -e DB_HOST=db busybox sleep 3600`.",
    ],
    solution: [
      "docker network create todo_default",
      "docker run -d --name todo-db-1 --network todo_default --network-alias db busybox sleep 3600",
      "docker run -d --name todo-app-1 --network todo_default --network-alias app -e DB_HOST=db busybox sleep 3600",
    ],
    wrong: [
      {
        commands: [
          "docker run -d --name todo-db-1 busybox sleep 3600",
          "docker run -d --name todo-app-1 -e DB_HOST=db busybox sleep 3600",
        ],
        expect: "there is no network `todo_default`",
      },
      {
        commands: [
          "docker network create todo_default",
          "docker run -d --name todo-db-1 --network todo_default busybox sleep 3600",
          "docker run -d --name todo-app-1 --network todo_default -e DB_HOST=db busybox sleep 3600",
        ],
        expect: "does not answer to `db`",
      },
      {
        commands: [
          "docker network create todo_default",
          "docker run -d --name todo-db-1 --network todo_default --network-alias db busybox sleep 3600",
          "docker run -d --name todo-app-1 --network todo_default busybox sleep 3600",
        ],
        expect: "has no `DB_HOST`",
      },
    ],
    translations: {
      ja: {
        title: "Compose が作るものを手作業で",
        goal:
          "`db` と `app` の 2 つのサービスからなるプロジェクト `todo`（どちらも `busybox` で `sleep 3600` を実行）について、`docker compose up` がすることを手作業で行ってください。" +
          "ネットワーク `todo_default` を作り、そこにコンテナ `todo-db-1` と `todo-app-1` を接続し、アプリから `db` にサービス名で届くようにし、アプリの環境変数に `DB_HOST=db` を設定します。",
        hints: [
          "Compose はネットワークを `<project>_default`、各コンテナを `<project>-<service>-<n>` と名付け、そのネットワーク上で各コンテナにサービス名を追加の DNS 名として与えます。",
          "`docker network create todo_default` の後に `docker run -d --name todo-db-1 --network todo_default --network-alias db busybox sleep 3600` を実行します。",
          "続いて `docker run -d --name todo-app-1 --network todo_default --network-alias app -e DB_HOST=db busybox sleep 3600` を実行します。",
        ],
        checks: [
          "ネットワーク `todo_default` がある",
          "`todo-db-1` が `todo_default` 上で動いていて、`db` という名前で応答する",
          "`todo-app-1` が `DB_HOST=db` 付きで `todo_default` 上で動いている",
          "`todo-app-1` から `db` を名前解決できる",
        ],
      },
    },
    checks: [
      {
        description: "a network `todo_default` exists",
        async run(engine) {
          if (await engine.network("todo_default")) return pass;
          return failed(
            "there is no network `todo_default`: Compose creates `<project>_default` for every project. `docker network create todo_default`",
            "ネットワーク `todo_default` がありません。Compose はプロジェクトごとに `<project>_default` を作ります。`docker network create todo_default` で作成してください。",
          );
        },
      },
      {
        description: "`todo-db-1` runs on `todo_default` and answers to `db`",
        async run(engine) {
          const c = await onNetwork(engine, "todo-db-1", "todo_default", {
            en: "Start it with `docker run -d --name todo-db-1 --network todo_default ...`.",
            ja: "`docker run -d --name todo-db-1 --network todo_default ...` で起動してください。",
          });
          if (isResult(c)) return c;
          const aliases = c.NetworkSettings.Networks.todo_default?.Aliases ?? [];
          if (aliases.includes("db")) return pass;
          return failed(
            "`todo-db-1` is on `todo_default` but does not answer to `db`: on its network a container is found by its name (`todo-db-1`) and its aliases. " +
              "Compose adds the service name as an alias; by hand that is `--network-alias db`",
            "`todo-db-1` は `todo_default` に接続していますが、`db` という名前では応答しません。ネットワーク上のコンテナは、その名前（`todo-db-1`）とエイリアスで見つかります。" +
              "Compose はサービス名をエイリアスとして加えます。手作業なら `--network-alias db` です。",
          );
        },
      },
      {
        description: "`todo-app-1` runs on `todo_default` with `DB_HOST=db`",
        async run(engine) {
          const c = await onNetwork(engine, "todo-app-1", "todo_default", {
            en: "Start it with `docker run -d --name todo-app-1 --network todo_default ...`.",
            ja: "`docker run -d --name todo-app-1 --network todo_default ...` で起動してください。",
          });
          if (isResult(c)) return c;
          const env = c.Config.Env ?? [];
          if (env.includes("DB_HOST=db")) return pass;
          const other = env.find((e) => e.startsWith("DB_HOST="));
          if (other)
            return failed(
              `\`todo-app-1\` has \`${other}\`, expected \`DB_HOST=db\`: the service name is the host name`,
              `\`todo-app-1\` の環境変数は \`${other}\` です。\`DB_HOST=db\` にしてください。サービス名がそのままホスト名になります。`,
            );
          return failed(
            "`todo-app-1` has no `DB_HOST` in its environment: Compose's `environment:` is `-e` by hand (`-e DB_HOST=db`)",
            "`todo-app-1` の環境変数に `DB_HOST` がありません。Compose の `environment:` は、手作業なら `-e` です（`-e DB_HOST=db`）。",
          );
        },
      },
      {
        description: "`db` resolves from `todo-app-1`",
        async run(engine) {
          const c = await container(engine, "todo-app-1", "");
          if (isResult(c)) return c;
          const r = await engine.exec("todo-app-1", ["nslookup", "db"]);
          if (r.exitCode === 0 && /Address:\s*\d+\.\d+\.\d+\.\d+/.test(r.stdout.split("\n").slice(2).join("\n"))) return pass;
          const last = (r.stdout + r.stderr).trim().split("\n").pop();
          return failed(
            `\`nslookup db\` in \`todo-app-1\` finds nothing (${last}): both containers must be on \`todo_default\`, and \`todo-db-1\` must have the alias \`db\``,
            `\`todo-app-1\` の中で \`nslookup db\` を実行しても何も見つかりません（${last}）。2 つのコンテナがどちらも \`todo_default\` に接続し、\`todo-db-1\` にエイリアス \`db\` が付いている必要があります。`,
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "compose/down",
    title: "What `down` removes, and what `down -v` removes too",
    goal:
      "The project `todo` is running: containers `todo-db-1` and `todo-app-1`, the network `todo_default` and the data volume `todo_db-data`. " +
      "Take it down as `docker compose down` (without `-v`) would: remove the containers and the network, and keep the data.",
    setup: [
      { docker: ["network", "create", "todo_default"] },
      { docker: ["volume", "create", "todo_db-data"] },
      { docker: ["run", "-d", "--name", "todo-db-1", "--network", "todo_default", "--network-alias", "db", "-v", "todo_db-data:/data", "busybox", "sleep", "3600"] },
      { docker: ["run", "-d", "--name", "todo-app-1", "--network", "todo_default", "--network-alias", "app", "-e", "DB_HOST=db", "busybox", "sleep", "3600"] },
    ],
    hints: [
      "`docker compose down` stops and removes the project's containers and its networks. Named volumes stay unless you add `-v`.",
      "A network cannot be removed while containers are attached, so the containers go first.",
      "`docker rm -f todo-app-1 todo-db-1`, then `docker network rm todo_default`",
    ],
    solution: ["docker rm -f todo-app-1 todo-db-1", "docker network rm todo_default"],
    wrong: [
      { commands: ["docker stop todo-app-1 todo-db-1"], expect: "stopped but not removed" },
      { commands: ["docker rm -f todo-app-1 todo-db-1"], expect: "network `todo_default` still exists" },
      { commands: ["docker rm -f todo-app-1 todo-db-1", "docker network rm todo_default", "docker volume rm todo_db-data"], expect: "only `down -v` removes" },
    ],
    translations: {
      ja: {
        title: "`down` が削除するもの、`down -v` がさらに削除するもの",
        goal:
          "プロジェクト `todo` が動いています。コンテナ `todo-db-1` と `todo-app-1`、ネットワーク `todo_default`、データ用のボリューム `todo_db-data` からなります。" +
          "これを `docker compose down`（`-v` なし）と同じように片付けてください。コンテナとネットワークを削除し、データは残します。",
        hints: [
          "`docker compose down` は、プロジェクトのコンテナとネットワークを停止して削除します。名前付きボリュームは、`-v` を付けない限り残ります。",
          "コンテナが接続している間はネットワークを削除できないので、コンテナを先に削除します。",
          "`docker rm -f todo-app-1 todo-db-1` の後に `docker network rm todo_default` を実行します。",
        ],
        checks: ["コンテナ `todo-db-1` と `todo-app-1` が削除されている", "ネットワーク `todo_default` が削除されている", "ボリューム `todo_db-data` が残っている"],
      },
    },
    checks: [
      {
        description: "the containers `todo-db-1` and `todo-app-1` are gone",
        async run(engine) {
          const left: string[] = [];
          const leftJa: string[] = [];
          for (const name of ["todo-db-1", "todo-app-1"]) {
            const c = await engine.container(name);
            if (c && c.Name === `/${name}`) {
              left.push(`\`${name}\` (${c.State.Status})`);
              leftJa.push(`\`${name}\`（${c.State.Status}）`);
            }
          }
          if (left.length === 0) return pass;
          const stopped = left.every((l) => l.endsWith("(exited)"));
          return failed(
            `${left.join(" and ")} still ${left.length > 1 ? "exist" : "exists"}${stopped ? ": stopped but not removed. `down` removes the containers (`docker rm`); `stop` is `docker compose stop`" : ": remove them with `docker rm -f`"}`,
            `${leftJa.join("と ")}がまだあります。${stopped ? "停止していますが、削除されていません。`down` はコンテナを削除します（`docker rm`）。停止するだけなのは `docker compose stop` です。" : "`docker rm -f` で削除してください。"}`,
          );
        },
      },
      {
        description: "the network `todo_default` is gone",
        async run(engine) {
          return (await engine.network("todo_default"))
            ? failed(
                "the network `todo_default` still exists: `down` removes the project's networks too (`docker network rm todo_default`)",
                "ネットワーク `todo_default` がまだあります。`down` はプロジェクトのネットワークも削除します（`docker network rm todo_default`）。",
              )
            : pass;
        },
      },
      {
        description: "the volume `todo_db-data` is kept",
        async run(engine) {
          return (await engine.volume("todo_db-data"))
            ? pass
            : failed(
                "the volume `todo_db-data` is gone, and the database's data with it: `down` keeps named volumes, only `down -v` removes them",
                "ボリューム `todo_db-data` が削除され、データベースのデータも一緒に消えました。`down` は名前付きボリュームを残します。それを削除するのは `down -v` だけです。",
              );
        },
      },
    ],
    real: true,
  },
  {
    id: "compose/up",
    title: "Start the todo project with Compose",
    goal:
      "`todo/compose.yaml` describes the todo project: a `db` service from `postgres:17` with a data volume, and an `app` service that finds it as `db`. " +
      "Start the whole project in the background with Compose, under the project name `todo`, so that both services run and `db` resolves from the app.",
    setup: [{ file: "todo/compose.yaml", content: TODO_COMPOSE }],
    hints: [
      "`docker compose up` reads `compose.yaml` in the current folder (or the file given with `-f`); `-d` returns your prompt and leaves the containers running.",
      "The project name defaults to the name of the folder that holds the file, here `todo`; `-p` would override it.",
      "`docker compose -f todo/compose.yaml up -d` (or `cd todo` and `docker compose up -d`)",
    ],
    solution: ["docker compose -f todo/compose.yaml up -d"],
    wrong: [
      { commands: ["docker compose -p demo -f todo/compose.yaml up -d"], expect: "the project is named `demo`" },
      { commands: ["docker compose -f todo/compose.yaml up -d db"], expect: "only started `db`" },
    ],
    translations: {
      ja: {
        title: "Compose で todo プロジェクトを起動する",
        goal:
          "`todo/compose.yaml` には todo プロジェクトが書かれています。`postgres:17` から作るデータ用ボリューム付きの `db` サービスと、それを `db` という名前で見つける `app` サービスです。" +
          "Compose でプロジェクト全体をプロジェクト名 `todo` でバックグラウンド起動し、両方のサービスが動いていて、アプリから `db` を名前解決できる状態にしてください。",
        hints: [
          "`docker compose up` は今いるフォルダーの `compose.yaml`（または `-f` で指定したファイル）を読みます。`-d` を付けると、コンテナを動かしたままプロンプトが戻ってきます。",
          "プロジェクト名は、指定しなければファイルを置いたフォルダーの名前、ここでは `todo` になります。`-p` を付けるとそれを上書きします。",
          "`docker compose -f todo/compose.yaml up -d` を実行します（または `cd todo` してから `docker compose up -d`）。",
        ],
        checks: ["プロジェクト `todo` の `db` と `app` のサービスが動いている", "`todo-app-1` から `db` を名前解決できる"],
      },
    },
    checks: [
      {
        description: "the `db` and `app` services of project `todo` are running",
        async run(engine) {
          const all = await engine.containers({ all: true });
          const mine = all.filter((c) => c.Labels["com.docker.compose.project"] === "todo");
          if (mine.length === 0) {
            const other = all.find((c) => c.Labels["com.docker.compose.project"]);
            if (other) {
              const p = other.Labels["com.docker.compose.project"];
              return failed(
                `the project is named \`${p}\` (its containers are \`${p}-<service>-1\`), expected \`todo\`: without \`-p\`, Compose names the project after the folder of the file`,
                `プロジェクト名が \`${p}\` になっています（コンテナは \`${p}-<service>-1\`）。\`todo\` にしてください。\`-p\` を付けなければ、Compose はファイルのあるフォルダーの名前をプロジェクト名にします。`,
              );
            }
            return failed(
              "no containers of a Compose project `todo` exist: run `docker compose up -d` with `todo/compose.yaml`",
              "Compose プロジェクト `todo` のコンテナが 1 つもありません。`todo/compose.yaml` を使って `docker compose up -d` を実行してください。",
            );
          }
          for (const svc of ["db", "app"]) {
            const c = mine.find((x) => x.Labels["com.docker.compose.service"] === svc);
            if (!c) {
              const started = mine.map((x) => `\`${x.Labels["com.docker.compose.service"]}\``);
              return failed(
                `the project \`todo\` has no \`${svc}\` container: you only started ${started.join(", ")}. \`docker compose up -d\` without service names starts every service`,
                `プロジェクト \`todo\` に \`${svc}\` のコンテナがありません。起動したのは ${started.join("、")} だけです。サービス名を付けずに \`docker compose up -d\` を実行すると、すべてのサービスが起動します。`,
              );
            }
            const name = c.Names[0].replace(/^\//, "");
            if (c.State !== "running")
              return failed(`\`${name}\` is ${c.State}, expected it to be running`, `\`${name}\` の状態は ${c.State} です。実行中である必要があります。`);
          }
          return pass;
        },
      },
      {
        description: "`db` resolves from `todo-app-1`",
        async run(engine) {
          const c = await container(engine, "todo-app-1", "");
          if (isResult(c)) return c;
          const r = await engine.exec("todo-app-1", ["nslookup", "db"]);
          if (r.exitCode === 0 && /Address:\s*\d+\.\d+\.\d+\.\d+/.test(r.stdout.split("\n").slice(2).join("\n"))) return pass;
          return failed(
            "`nslookup db` in `todo-app-1` finds nothing: is `todo-db-1` running on `todo_default`?",
            "`todo-app-1` の中で `nslookup db` を実行しても何も見つかりません。`todo-db-1` は `todo_default` に接続して動いていますか？",
          );
        },
      },
    ],
    real: { reason: "Compose v2 is not installed on the lab engine, and the postgres:17 image needs a registry" },
  },
]);
