/**
 * Byte streams between processes: pipes, files and terminals all look like these.
 * Reads and writes are async so that a full pipe blocks its writer and an empty one its reader,
 * under the simulated scheduler.
 */
import { EMPTY, concat, text, toBytes } from "../util/bytes";

export interface Readable {
  /** Next chunk, or null at end of input. */
  read(): Promise<Uint8Array | null>;
  /** Put bytes back in front of the stream (what a line reader read past the line end). */
  unshift(d: Uint8Array): void;
  /** The reader will read no more (writers get EPIPE once every reader end is closed). */
  close(): void;
  /** Another end for a child process (fork semantics): each end is closed once. */
  dup(): Readable;
  /** True for a terminal (line-buffered, echoes). */
  readonly isTTY?: boolean;
}

export interface Writable {
  write(data: string | Uint8Array): Promise<void>;
  close(): void;
  /** Another end for a child process (fork semantics): each end is closed once. */
  dup(): Writable;
  readonly isTTY?: boolean;
}

/** Thrown into a writer whose reader has gone (the writer then dies of SIGPIPE). */
export class BrokenPipe extends Error {
  constructor() {
    super("Broken pipe");
    this.name = "BrokenPipe";
  }
}

type Waiter = () => void;

/** A pipe with a 64 KiB buffer, like Linux's default. */
export class Pipe {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private writersOpen = 0;
  private readersOpen = 0;
  private readWaiters: Waiter[] = [];
  private writeWaiters: Waiter[] = [];
  static readonly CAPACITY = 65536;
  readonly reader: Readable;
  readonly writer: Writable;

  constructor() {
    this.reader = this.newReader();
    this.writer = this.newWriter();
  }

  private newReader(): Readable {
    this.readersOpen++;
    let open = true;
    const r: Readable = {
      read: () => this.read(),
      unshift: (d) => {
        if (d.length) {
          this.chunks.unshift(d);
          this.buffered += d.length;
        }
      },
      close: () => {
        if (!open) return;
        open = false;
        this.readersOpen--;
        if (this.readersOpen === 0) {
          this.chunks = [];
          this.buffered = 0;
          this.wake(this.writeWaiters);
        }
      },
      dup: () => this.newReader(),
    };
    return r;
  }

  private newWriter(): Writable {
    this.writersOpen++;
    let open = true;
    return {
      write: (d) => this.write(toBytes(d)),
      close: () => {
        if (!open) return;
        open = false;
        this.writersOpen--;
        if (this.writersOpen === 0) this.wake(this.readWaiters);
      },
      dup: () => this.newWriter(),
    };
  }

  private wake(list: Waiter[]): void {
    const ws = list.splice(0);
    for (const w of ws) w();
  }

  private async read(): Promise<Uint8Array | null> {
    for (;;) {
      if (this.chunks.length > 0) {
        const out = this.chunks.length === 1 ? this.chunks[0] : concat(this.chunks);
        this.chunks = [];
        this.buffered = 0;
        this.wake(this.writeWaiters);
        return out;
      }
      if (this.writersOpen === 0) return null;
      await new Promise<void>((r) => this.readWaiters.push(r));
    }
  }

  private async write(d: Uint8Array): Promise<void> {
    if (d.length === 0) return;
    for (;;) {
      if (this.readersOpen === 0) throw new BrokenPipe();
      if (this.buffered < Pipe.CAPACITY) break;
      await new Promise<void>((r) => this.writeWaiters.push(r));
    }
    this.chunks.push(d);
    this.buffered += d.length;
    this.wake(this.readWaiters);
  }
}

/** A sink that collects everything written (docker logs, command substitution, tests). */
export class Collector implements Writable {
  private parts: Uint8Array[] = [];
  private size = 0;
  /** Bytes dropped past the limit. */
  dropped = 0;
  constructor(
    private readonly onData?: (d: Uint8Array) => void,
    /** Keep at most this many bytes (an endless writer must not exhaust memory). */
    private readonly limit = Infinity,
  ) {}
  async write(d: string | Uint8Array): Promise<void> {
    let b = toBytes(d);
    if (this.size + b.length > this.limit) {
      const keep = Math.max(0, this.limit - this.size);
      this.dropped += b.length - keep;
      b = b.subarray(0, keep);
    }
    this.size += b.length;
    if (b.length) this.parts.push(b);
    this.onData?.(b);
  }
  close(): void {}
  dup(): Writable {
    return this;
  }
  bytes(): Uint8Array {
    return concat(this.parts);
  }
  text(): string {
    return text(this.bytes());
  }
}

/** A source that yields one buffer then end of input. */
export function fromBytes(d: string | Uint8Array): Readable {
  const queue: Uint8Array[] = [toBytes(d)];
  const r: Readable = {
    async read() {
      while (queue.length) {
        const b = queue.shift()!;
        if (b.length) return b;
      }
      return null;
    },
    unshift(b) {
      queue.unshift(b);
    },
    close() {},
    dup() {
      return r;
    },
  };
  return r;
}

export function emptyInput(): Readable {
  return fromBytes(EMPTY);
}
export const DISCARD: Writable = { write: async () => {}, close() {}, dup: () => DISCARD };

/** Read a stream to its end. */
export async function readAll(r: Readable, limit = Infinity): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const c = await r.read();
    if (!c) break;
    parts.push(c);
    n += c.length;
    if (n > limit) break;
  }
  return parts.length === 0 ? EMPTY : concat(parts);
}

/**
 * Read one line (without its "\n") from a stream, putting back whatever followed it, so that
 * several readers of one stream (the shell's `read`, then a child) never lose input.
 * Returns null at end of input; a last line without "\n" is returned as is.
 */
export async function readLine(src: Readable): Promise<string | null> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const c = await src.read();
    if (!c) {
      if (parts.length === 0) return null;
      return text(concat(parts));
    }
    const i = c.indexOf(10);
    if (i >= 0) {
      parts.push(c.subarray(0, i));
      if (i + 1 < c.length) src.unshift(c.subarray(i + 1));
      return text(concat(parts));
    }
    parts.push(c);
  }
}
