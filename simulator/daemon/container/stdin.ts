/** The stdin of a container started without a client (-d with -i): a pipe that `docker attach` writes to. */
import { Pipe, type Readable, type Writable } from "../../runtime/streams";
import type { Container } from "./container";

const sinks = new WeakMap<Container, Writable>();

export function containerStdinPipe(c: Container): Readable {
  const p = new Pipe();
  sinks.set(c, p.writer);
  return p.reader;
}

/** Where input for the container goes, if it was started with an open stdin and no client. */
export function stdinSink(c: Container): Writable | undefined {
  return sinks.get(c);
}
