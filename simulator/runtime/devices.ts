/** Character devices: /dev/null, zero, full, random, urandom, and the controlling terminal. */
import { FsError } from "../fs/types";
import type { DeviceHost } from "./vfs";
import { type Readable, type Writable, BrokenPipe, DISCARD, emptyInput } from "./streams";

const CHUNK = 65536;

function endless(fill: (b: Uint8Array) => void): Readable {
  const r: Readable = {
    async read() {
      const b = new Uint8Array(CHUNK);
      fill(b);
      return b;
    },
    unshift() {},
    close() {},
    dup: () => r,
  };
  return r;
}

/** A deterministic generator for /dev/urandom, so that runs repeat. */
function prng(seed: number): (b: Uint8Array) => void {
  let s = seed >>> 0 || 1;
  return (b) => {
    for (let i = 0; i < b.length; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      b[i] = s & 255;
    }
  };
}

export class Devices implements DeviceHost {
  constructor(
    private readonly tty: () => { in: Readable; out: Writable } | null,
    private readonly seed = 42,
  ) {}

  openRead(rdev: string): Readable {
    switch (rdev) {
      case "zero":
        return endless((b) => b.fill(0));
      case "random":
      case "urandom":
        return endless(prng(this.seed));
      case "tty":
      case "console": {
        const t = this.tty();
        if (!t) throw new FsError("ENOENT");
        return t.in;
      }
      default:
        return emptyInput();
    }
  }

  openWrite(rdev: string): Writable {
    switch (rdev) {
      case "full": {
        const w: Writable = {
          write: async () => {
            throw new FsError("ENOSPC");
          },
          close() {},
          dup: () => w,
        };
        return w;
      }
      case "tty":
      case "console": {
        const t = this.tty();
        if (!t) throw new FsError("ENOENT");
        return t.out;
      }
      default:
        return DISCARD;
    }
  }
}

export { BrokenPipe };
