/** Lesson 3 exercises: hard limits on memory and CPU, an OOM kill told from a plain SIGKILL, a pids limit. */
import { defineExercises } from "../../../simulator/check/exercise";
import { commandOf, container, fail, isResult, pass, running, stateText } from "../../lib/checks";

const MiB = 1024 * 1024;

/** A number of bytes in the unit a learner typed (64 MiB rather than 67108864). */
function mib(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}

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
    checks: [
      {
        description: "a container named `cg-cache` is running",
        async run(engine) {
          const c = await running(engine, "cg-cache", "Start it with `docker run -d --name cg-cache ...`.");
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
            return fail(
              `\`cg-cache\` has no hard memory limit, only a reservation of ${mib(reservation)}: a soft limit the kernel ` +
                "reclaims memory towards when the host runs short, which the container may exceed. The hard limit is `-m`/`--memory`",
            );
          }
          if (limit === 0) return fail("`cg-cache` has no memory limit (HostConfig.Memory is 0): it may use all of the host's memory. Set one with `-m 64m`");
          return fail(`\`cg-cache\`'s memory limit is ${mib(limit)}, expected 64 MiB (\`-m 64m\`)`);
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
            return fail(
              `\`cg-cache\` has no CPU cap, only \`--cpu-shares ${shares}\`: a relative weight that matters only while containers ` +
                "compete for CPU; on an idle host the container may still use every CPU. The cap is `--cpus`",
            );
          }
          if (cpus === 0) return fail("`cg-cache` has no CPU limit: it may use every CPU of the host. Set one with `--cpus 0.5`");
          return fail(`\`cg-cache\` may use ${cpus} CPUs, expected at most 0.5 (\`--cpus 0.5\`)`);
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
    checks: [
      {
        description: "a container named `cg-oom` exists",
        async run(engine) {
          const c = await container(engine, "cg-oom", "A container started with `--rm` is deleted as soon as it exits, and its state with it: run it without `--rm`.");
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`cg-oom` has a memory limit of 8 MiB",
        async run(engine) {
          const c = await container(engine, "cg-oom", "");
          if (isResult(c)) return c;
          if (c.HostConfig.Memory === 8 * MiB) return pass;
          if (c.HostConfig.Memory === 0) return fail("`cg-oom` has no memory limit: remove it and run it again with `-m 8m` (without a limit, `tail /dev/zero` would eat the host's memory)");
          return fail(`\`cg-oom\`'s memory limit is ${mib(c.HostConfig.Memory)}, expected 8 MiB (\`-m 8m\`)`);
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
            return fail(
              "`cg-oom` exited with code 137 (128 + 9: killed by SIGKILL), but not by the OOM killer: State.OOMKilled is false. " +
                "`docker kill` sends SIGKILL too; only `OOMKilled` tells an OOM kill apart",
            );
          }
          if (s.Status === "exited") {
            return fail(`\`cg-oom\` ${stateText(c)} and was not OOM-killed: \`${commandOf(c)}\` never needed more memory than its limit. Run \`tail /dev/zero\``);
          }
          return fail(`\`cg-oom\` ${stateText(c)}; expected it to have been stopped by the OOM killer`);
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
    checks: [
      {
        description: "a container named `cg-worker` is running",
        async run(engine) {
          const c = await running(engine, "cg-worker", "Start it with `docker run -d --name cg-worker ...`.");
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
          if (limit > 20) return fail(`\`cg-worker\`'s cgroup allows ${limit} processes, expected at most 20`);
          const ulimits = (c.HostConfig.Ulimits as { Name: string }[] | null | undefined) ?? [];
          if (ulimits.some((u) => u.Name === "nproc")) {
            return fail(
              "`cg-worker` has no pids limit: `--ulimit nproc` is a per-user resource limit, counted for the user ID across the " +
                "whole host and not applied to root at all. The cgroup's limit, which counts the container's processes, is `--pids-limit`",
            );
          }
          return fail("`cg-worker` has no pids limit (HostConfig.PidsLimit is not set): a fork bomb inside could fill the host's process table. Set one with `--pids-limit 20`");
        },
      },
    ],
    real: true,
  },
]);
