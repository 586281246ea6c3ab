/**
 * bash's arrays: indexed arrays (sparse, listed by index) and associative arrays, listed in the
 * order of bash 5's hash table (hashlib.c: FNV-1 over the key's bytes, 1024 buckets, new keys at
 * the head of their bucket, growing four-fold at two entries per bucket), so `${!a[@]}` prints
 * the keys in the order real bash prints them.
 */

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;
const enc = new TextEncoder();

/** hashlib.c's hash_string: FNV-1, xoring each byte as a signed char. */
export function bashHash(key: string): number {
  let h = FNV_OFFSET;
  for (const b of enc.encode(key)) {
    h = Math.imul(h, FNV_PRIME) >>> 0;
    h = (h ^ (b >= 128 ? b | 0xffffff00 : b)) >>> 0;
  }
  return h;
}

export class ShArray {
  private readonly vals = new Map<string, string>();
  /** Associative arrays: the hash buckets, each a chain with its head first. */
  private buckets: string[][] | null = null;
  /** Indexed arrays: the indices in order (null: to be sorted again). */
  private sorted: string[] | null = [];

  constructor(readonly assoc: boolean) {
    if (assoc) this.buckets = Array.from({ length: 1024 }, () => []);
  }

  get size(): number {
    return this.vals.size;
  }

  get(key: string): string | undefined {
    return this.vals.get(key);
  }

  has(key: string): boolean {
    return this.vals.has(key);
  }

  set(key: string, value: string): void {
    if (!this.vals.has(key)) {
      if (this.buckets) {
        const n = this.buckets.length;
        if (this.vals.size >= n * 2) this.rehash(n * 4);
        this.buckets[bashHash(key) & (this.buckets.length - 1)].unshift(key);
      } else this.sorted = null;
    }
    this.vals.set(key, value);
  }

  delete(key: string): void {
    if (!this.vals.delete(key)) return;
    if (this.buckets) {
      const chain = this.buckets[bashHash(key) & (this.buckets.length - 1)];
      chain.splice(chain.indexOf(key), 1);
    } else this.sorted = null;
  }

  private rehash(size: number): void {
    const next: string[][] = Array.from({ length: size }, () => []);
    for (const chain of this.buckets!) for (const k of chain) next[bashHash(k) & (size - 1)].unshift(k);
    this.buckets = next;
  }

  /** Keys in the order bash lists them. */
  keys(): string[] {
    if (this.buckets) return this.buckets.flat();
    if (this.sorted === null) this.sorted = [...this.vals.keys()].sort((a, b) => Number(a) - Number(b));
    return this.sorted;
  }

  values(): string[] {
    return this.keys().map((k) => this.vals.get(k)!);
  }

  /** The highest index of an indexed array (-1 when empty). */
  maxIndex(): number {
    const k = this.keys();
    return k.length ? Number(k[k.length - 1]) : -1;
  }

  clear(): void {
    this.vals.clear();
    if (this.buckets) this.buckets = Array.from({ length: 1024 }, () => []);
    else this.sorted = [];
  }

  clone(): ShArray {
    const c = new ShArray(this.assoc);
    for (const k of this.keysInInsertOrder()) c.set(k, this.vals.get(k)!);
    if (this.buckets) c.buckets = this.buckets.map((b) => [...b]);
    return c;
  }

  private keysInInsertOrder(): string[] {
    return [...this.vals.keys()];
  }
}

/** Characters that make bash quote an associative key in `declare -p`. */
const KEY_META = /[\s"'`$\\|&;()<>!*?[\]{}~#=%^,]/;

/** bash's sh_double_quote for declare -p values: "..." with \ " $ ` escaped. */
export function doubleQuote(s: string): string {
  return '"' + s.replace(/[\\"$`]/g, (c) => "\\" + c) + '"';
}

/** The `(...)` text of `declare -p` for an array. */
export function arrayText(a: ShArray): string {
  const parts = a.keys().map((k) => `[${a.assoc && (k === "" || KEY_META.test(k)) ? doubleQuote(k) : k}]=${doubleQuote(a.get(k)!)}`);
  // bash ends an associative listing with a space before ")"
  return "(" + parts.join(" ") + (a.assoc && parts.length ? " " : "") + ")";
}
