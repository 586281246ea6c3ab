/** Lesson 3 exercises: hard limits on memory and CPU, an OOM kill told from a plain SIGKILL, a pids limit. */
import { defineExercises, failed, type Said } from "../../../simulator/check/exercise";
import { commandOf, container, isResult, pass, running, stateSaid } from "../../lib/checks";

const MiB = 1024 * 1024;

/** A number of bytes in the unit a learner typed (64 MiB rather than 67108864). */
function mib(bytes: number): Said {
  return bytes % MiB === 0 ? { en: `${bytes / MiB} MiB`, ja: `${bytes / MiB} MiB` } : { en: `${bytes} bytes`, ja: `${bytes} バイト` };
}

const startHint = (name: string): Said => ({
  en: `Start it with \`docker run -d --name ${name} ...\`.`,
  ja: `\`docker run -d --name ${name} ...\` で起動してください。`,
});

export default defineExercises([
  {
    id: "cgroups/limits",
    title: "Hard limits for memory and CPU",
    goal: "Start a container named `cg-cache` from `busybox`, kept running with `sleep 3600`, that may use at most 64 MiB of memory and at most half of one CPU.",
    setup: [],
    hints: [
      "Both limits are settings of the container's cgroup, given to `docker run`. `docker run --help` lists them under memory and CPU.",
      "`-m` (`--memory`) sets the hard memory limit; `--cpus` the share of CPU time, as a number of CPUs (0.5 is half of one).",
      "`docker run -d --name cg-cache -m 64m --cpus 0.5 busybox sleep 3600`",
    ],
    solution: ["docker run -d --name cg-cache -m 64m --cpus 0.5 busybox sleep 3600"],
    wrong: [
      { commands: ["docker run -d --name cg-cache --memory-reservation 64m --cpus 0.5 busybox sleep 3600"], expect: "a soft limit" },
      { commands: ["docker run -d --name cg-cache -m 64m --cpu-shares 512 busybox sleep 3600"], expect: "a relative weight" },
    ],
    translations: {
      ja: {
        title: "メモリと CPU の厳格な上限",
        goal: "`busybox` から `cg-cache` という名前のコンテナを起動し、`sleep 3600` で動かし続けてください。使えるメモリは最大 64 MiB、CPU は CPU 1 個の半分までにします。",
        hints: [
          "どちらの制限もコンテナの cgroup の設定で、`docker run` に指定します。`docker run --help` のメモリと CPU の項目に並んでいます。",
          "`-m`（`--memory`）はメモリの厳格な上限を設定します。`--cpus` は CPU 時間の割り当てを CPU の個数で指定します（0.5 は CPU 1 個の半分）。",
          "`docker run -d --name cg-cache -m 64m --cpus 0.5 busybox sleep 3600`",
        ],
        checks: ["`cg-cache` という名前のコンテナが実行中である", "`cg-cache` に 64 MiB のメモリの厳格な上限がある", "`cg-cache` が使える CPU が最大 0.5 個分である"],
      },
    },
    checks: [
      {
        description: "a container named `cg-cache` is running",
        async run(engine) {
          const c = await running(engine, "cg-cache", startHint("cg-cache"));
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`cg-cache` has a hard memory limit of 64 MiB",
        async run(engine) {
          const c = await container(engine, "cg-cache", "");
          if (isResult(c)) return c;
          const limit = c.HostConfig.Memory;
          if (limit === 64 * MiB) return pass;
          const reservation = Number(c.HostConfig.MemoryReservation ?? 0);
          if (limit === 0 && reservation > 0) {
            return failed(
              `\`cg-cache\` has no hard memory limit, only a reservation of ${mib(reservation).en}: a soft limit the kernel ` +
                "reclaims memory towards when the host runs short, which the container may exceed. The hard limit is `-m`/`--memory`",
              `\`cg-cache\` にはメモリの厳格な上限がなく、${mib(reservation).ja} の予約（reservation）があるだけです。これはホストのメモリが逼迫したときにカーネルが回収の目安にするソフトな制限で、コンテナはこれを超えて使えます。` +
                "厳格な上限は `-m`/`--memory` で設定します。",
            );
          }
          if (limit === 0)
            return failed(
              "`cg-cache` has no memory limit (HostConfig.Memory is 0): it may use all of the host's memory. Set one with `-m 64m`",
              "`cg-cache` にはメモリ制限がありません（HostConfig.Memory が 0）。これではホストのメモリをすべて使えてしまいます。`-m 64m` で設定してください。",
            );
          return failed(
            `\`cg-cache\`'s memory limit is ${mib(limit).en}, expected 64 MiB (\`-m 64m\`)`,
            `\`cg-cache\` のメモリ制限は ${mib(limit).ja} です。64 MiB にしてください（\`-m 64m\`）。`,
          );
        },
      },
      {
        description: "`cg-cache` may use at most half a CPU",
        async run(engine) {
          const c = await container(engine, "cg-cache", "");
          if (isResult(c)) return c;
          const nano = c.HostConfig.NanoCpus;
          const quota = Number(c.HostConfig.CpuQuota ?? 0);
          const period = Number(c.HostConfig.CpuPeriod ?? 0) || 100000;
          const cpus = nano > 0 ? nano / 1e9 : quota > 0 ? quota / period : 0;
          if (cpus > 0 && cpus <= 0.5) return pass;
          const shares = Number(c.HostConfig.CpuShares ?? 0);
          if (cpus === 0 && shares > 0) {
            return failed(
              `\`cg-cache\` has no CPU cap, only \`--cpu-shares ${shares}\`: a relative weight that matters only while containers ` +
                "compete for CPU; on an idle host the container may still use every CPU. The cap is `--cpus`",
              `\`cg-cache\` には CPU の上限がなく、\`--cpu-shares ${shares}\` があるだけです。これはコンテナ同士が CPU を取り合うときにだけ効く相対的な重みで、ホストが空いていればコンテナはすべての CPU を使えます。` +
                "上限は `--cpus` で設定します。",
            );
          }
          if (cpus === 0)
            return failed(
              "`cg-cache` has no CPU limit: it may use every CPU of the host. Set one with `--cpus 0.5`",
              "`cg-cache` には CPU の制限がありません。これではホストのすべての CPU を使えてしまいます。`--cpus 0.5` で設定してください。",
            );
          return failed(
            `\`cg-cache\` may use ${cpus} CPUs, expected at most 0.5 (\`--cpus 0.5\`)`,
            `\`cg-cache\` が使える CPU は ${cpus} 個分です。最大 0.5 にしてください（\`--cpus 0.5\`）。`,
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "cgroups/oom-kill",
    title: "Killed by the OOM killer",
    goal: "Run a container named `cg-oom` from `busybox` with a memory limit of 8 MiB whose command, `tail /dev/zero`, the kernel's OOM killer stops. Keep the stopped container so that `docker inspect` can show what happened.",
    setup: [],
    hints: [
      "`tail` keeps the last lines of its input in memory, and `/dev/zero` is one endless line of zero bytes: `tail` grows until something stops it.",
      "Never run it without a limit. With `-m 8m` the container's cgroup stops it at 8 MiB.",
      "`docker run --name cg-oom -m 8m busybox tail /dev/zero`, then `docker inspect -f '{{.State.ExitCode}} {{.State.OOMKilled}}' cg-oom` shows what happened.",
    ],
    solution: ["docker run -d --name cg-oom -m 8m busybox tail /dev/zero", "docker wait cg-oom", "docker inspect -f '{{.State.ExitCode}} {{.State.OOMKilled}}' cg-oom"],
    wrong: [
      { commands: ["docker run -d --name cg-oom -m 8m busybox sleep 3600", "docker kill cg-oom"], expect: "not by the OOM killer" },
      { commands: ["docker run --name cg-oom -m 8m busybox sleep 1"], expect: "exited with code 0" },
      { commands: ["docker run --rm --name cg-oom -m 8m busybox tail /dev/zero"], expect: "deleted" },
    ],
    translations: {
      ja: {
        title: "OOM キラーによる強制終了",
        goal: "`busybox` から、メモリ制限 8 MiB の `cg-oom` という名前のコンテナを実行し、そのコマンド `tail /dev/zero` をカーネルの OOM キラーに止めさせてください。何が起きたかを `docker inspect` で確かめられるよう、停止したコンテナは残しておきます。",
        hints: [
          "`tail` は入力の最後の数行をメモリに保持します。`/dev/zero` はゼロバイトが延々と続く 1 行なので、`tail` は何かに止められるまで膨らみ続けます。",
          "制限なしでは決して実行しないでください。`-m 8m` を付ければ、コンテナの cgroup が 8 MiB で止めます。",
          "`docker run --name cg-oom -m 8m busybox tail /dev/zero` を実行し、`docker inspect -f '{{.State.ExitCode}} {{.State.OOMKilled}}' cg-oom` で何が起きたかを確かめます。",
        ],
        checks: ["`cg-oom` という名前のコンテナがある", "`cg-oom` に 8 MiB のメモリ制限がある", "OOM キラーが `cg-oom` を止めた（終了コード 137、OOMKilled が true）"],
      },
    },
    checks: [
      {
        description: "a container named `cg-oom` exists",
        async run(engine) {
          const c = await container(engine, "cg-oom", {
            en: "A container started with `--rm` is deleted as soon as it exits, and its state with it: run it without `--rm`.",
            ja: "`--rm` を付けて起動したコンテナは、終了した時点でその状態ごと削除されます。`--rm` を付けずに実行してください。",
          });
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`cg-oom` has a memory limit of 8 MiB",
        async run(engine) {
          const c = await container(engine, "cg-oom", "");
          if (isResult(c)) return c;
          if (c.HostConfig.Memory === 8 * MiB) return pass;
          if (c.HostConfig.Memory === 0)
            return failed(
              "`cg-oom` has no memory limit: remove it and run it again with `-m 8m` (without a limit, `tail /dev/zero` would eat the host's memory)",
              "`cg-oom` にはメモリ制限がありません。削除して、`-m 8m` を付けて実行し直してください（制限がないと、`tail /dev/zero` がホストのメモリを食い尽くします）。",
            );
          return failed(
            `\`cg-oom\`'s memory limit is ${mib(c.HostConfig.Memory).en}, expected 8 MiB (\`-m 8m\`)`,
            `\`cg-oom\` のメモリ制限は ${mib(c.HostConfig.Memory).ja} です。8 MiB にしてください（\`-m 8m\`）。`,
          );
        },
      },
      {
        description: "the OOM killer stopped `cg-oom` (exit code 137, OOMKilled true)",
        async run(engine) {
          const c = await container(engine, "cg-oom", "");
          if (isResult(c)) return c;
          const s = c.State;
          if (s.Status === "exited" && s.OOMKilled && s.ExitCode === 137) return pass;
          if (s.Status === "exited" && s.ExitCode === 137) {
            return failed(
              "`cg-oom` exited with code 137 (128 + 9: killed by SIGKILL), but not by the OOM killer: State.OOMKilled is false. " +
                "`docker kill` sends SIGKILL too; only `OOMKilled` tells an OOM kill apart",
              "`cg-oom` は終了コード 137（128 + 9: SIGKILL による強制終了）で終了していますが、OOM キラーによるものではありません。State.OOMKilled が false です。" +
                "`docker kill` も SIGKILL を送ります。OOM キルかどうかを見分けられるのは `OOMKilled` だけです。",
            );
          }
          const state = stateSaid(c);
          if (s.Status === "exited") {
            return failed(
              `\`cg-oom\` ${state.en} and was not OOM-killed: \`${commandOf(c)}\` never needed more memory than its limit. Run \`tail /dev/zero\``,
              `\`cg-oom\` ${state.ja}が、OOM キルされたわけではありません。\`${commandOf(c)}\` は制限を超えるメモリを必要としなかったからです。\`tail /dev/zero\` を実行してください。`,
            );
          }
          return failed(
            `\`cg-oom\` ${state.en}; expected it to have been stopped by the OOM killer`,
            `\`cg-oom\` ${state.ja}。OOM キラーに止められている必要があります。`,
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "cgroups/pids-limit",
    title: "A ceiling on processes",
    goal: "Start a container named `cg-worker` from `busybox`, kept running with `sleep 3600`, in which no more than 20 processes can ever exist at once, so that a fork bomb inside it cannot fill the host's process table.",
    setup: [],
    hints: [
      "The kernel's `pids` controller counts every process and thread of a cgroup, and refuses `fork` once the count reaches the limit.",
      "`docker run --help | grep pids`",
      "`docker run -d --name cg-worker --pids-limit 20 busybox sleep 3600`",
    ],
    solution: ["docker run -d --name cg-worker --pids-limit 20 busybox sleep 3600"],
    wrong: [
      { commands: ["docker run -d --name cg-worker --ulimit nproc=20 busybox sleep 3600"], expect: "`--ulimit nproc` is a per-user resource limit" },
      { commands: ["docker run -d --name cg-worker --pids-limit 200 busybox sleep 3600"], expect: "allows 200 processes" },
    ],
    translations: {
      ja: {
        title: "プロセス数の上限",
        goal: "`busybox` から `cg-worker` という名前のコンテナを起動し、`sleep 3600` で動かし続けてください。コンテナの中で同時に存在できるプロセスを 20 個以下に制限し、フォーク爆弾が動いてもホストのプロセステーブルが埋まらないようにします。",
        hints: [
          "カーネルの `pids` コントローラーは cgroup のプロセスとスレッドをすべて数え、数が制限に達すると `fork` を拒否します。",
          "`docker run --help | grep pids`",
          "`docker run -d --name cg-worker --pids-limit 20 busybox sleep 3600`",
        ],
        checks: ["`cg-worker` という名前のコンテナが実行中である", "`cg-worker` の pids の制限が 20 以下である"],
      },
    },
    checks: [
      {
        description: "a container named `cg-worker` is running",
        async run(engine) {
          const c = await running(engine, "cg-worker", startHint("cg-worker"));
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`cg-worker`'s pids limit is at most 20",
        async run(engine) {
          const c = await container(engine, "cg-worker", "");
          if (isResult(c)) return c;
          const limit = c.HostConfig.PidsLimit ?? 0;
          if (limit > 0 && limit <= 20) return pass;
          if (limit > 20)
            return failed(
              `\`cg-worker\`'s cgroup allows ${limit} processes, expected at most 20`,
              `\`cg-worker\` の cgroup ではプロセスが ${limit} 個まで許されています。20 個以下にしてください。`,
            );
          const ulimits = (c.HostConfig.Ulimits as { Name: string }[] | null | undefined) ?? [];
          if (ulimits.some((u) => u.Name === "nproc")) {
            return failed(
              "`cg-worker` has no pids limit: `--ulimit nproc` is a per-user resource limit, counted for the user ID across the " +
                "whole host and not applied to root at all. The cgroup's limit, which counts the container's processes, is `--pids-limit`",
              "`cg-worker` には pids の制限がありません。`--ulimit nproc` はユーザーごとのリソース制限で、ホスト全体でそのユーザー ID のプロセスを数えるうえ、root にはまったく適用されません。" +
                "コンテナのプロセスを数える cgroup の制限は `--pids-limit` です。",
            );
          }
          return failed(
            "`cg-worker` has no pids limit (HostConfig.PidsLimit is not set): a fork bomb inside could fill the host's process table. Set one with `--pids-limit 20`",
            "`cg-worker` には pids の制限がありません（HostConfig.PidsLimit が未設定）。これでは中のフォーク爆弾がホストのプロセステーブルを埋め尽くせます。`--pids-limit 20` で設定してください。",
          );
        },
      },
    ],
    real: true,
  },
]);
