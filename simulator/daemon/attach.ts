/**
 * docker attach (moby's daemon/attach.go): join a running container's standard streams. Output
 * written from now on is copied to the client; with an open stdin (-i at create) the client's
 * input goes to the container. Resolves with the container's exit code when it stops.
 */
import type { Readable, Writable } from "../runtime/streams";
import { stdinSink } from "./container/stdin";
import type { Container, LogEntry } from "./container/container";
import { followLogs } from "./container/logs";
import type { Daemon } from "./daemon";
import { conflict } from "./errdefs";
import { onStopped } from "./monitor";

export interface AttachStreams {
  stdin?: Readable;
  stdout: Writable;
  stderr: Writable;
}

export function checkAttachable(c: Container): void {
  if (c.state.Paused) throw conflict("You cannot attach to a paused container, unpause it first");
  if (c.state.Restarting) throw conflict("You cannot attach to a restarting container, wait until it is running");
  if (!c.state.Running) throw conflict("You cannot attach to a stopped container, start it first");
}

export async function containerAttach(d: Daemon, ref: string, io: AttachStreams): Promise<number> {
  const c = d.mustContainer(ref);
  checkAttachable(c);
  const stopped = onStopped(c);
  const write = async (e: LogEntry) => {
    try {
      await (e.stream === "stderr" ? io.stderr : io.stdout).write(e.data);
    } catch {
      /* the client went away */
    }
  };
  let chain = Promise.resolve();
  const stop = followLogs(c, (e) => {
    if (e) chain = chain.then(() => write(e));
  });
  const sink = stdinSink(c);
  if (io.stdin && sink && c.config.OpenStdin) void pump(io.stdin, sink, c.config.StdinOnce);
  try {
    const code = await stopped;
    await chain;
    return code;
  } finally {
    stop();
  }
}

async function pump(from: Readable, to: Writable, closeAfter: boolean): Promise<void> {
  try {
    for (;;) {
      const chunk = await from.read();
      if (chunk === null) break;
      await to.write(chunk);
    }
  } catch {
    /* either side closed */
  }
  if (closeAfter) to.close();
}
