/**
 * Short progress codes: which exercises a learner passed and on which day, as a few dozen
 * characters they can copy, type on another device, or hand to an instructor.
 *
 * Format (bits, most significant first; numbers in Elias gamma code, which spends few bits on
 * small numbers):
 *   format        3 bits, = 1
 *   course        gamma(n + 1): the length of the code table when the code was made
 *   bitmap        gamma(m + 1), then m bits: bit i set = codeTable[i] passed (m ≤ n, trailing
 *                 zeros left out)
 *   extras        gamma(e + 1), then e × 24-bit hashes of exercise ids not in the table
 *   dates         per passed exercise, in bitmap then extras order: the first as
 *                 gamma(day + 1), day = days since 2024-01-01; each next one as
 *                 gamma(zigzag(day - previous day) + 1) (course order is mostly date order,
 *                 so each further pass on the same day costs one bit)
 *   padding       zero bits up to a whole character
 *   checksum      15 bits (3 characters) over the characters before it
 * Characters are Crockford's base32 (0-9, A-Z without I, L, O, U): URL-safe, case-insensitive,
 * and readable aloud; reading maps O to 0 and I, L to 1, and ignores spaces and hyphens, which
 * are added every four characters for legibility.
 *
 * Why a stable index table rather than only hashes of exercise ids: a bitmap costs one bit per
 * exercise of the course, a hash 24 bits per passed exercise (fewer bits would make two
 * exercises collide too often). For a course of about forty exercises that is the difference
 * between ~25 and ~150 characters, and codes are meant to be typed. The table is append-only,
 * so a code made before exercises were added reads the same afterwards, and the `course` field
 * says when a code comes from a newer course than the page reading it. Exercises not yet in the
 * table fall back to hashes, so a stale table makes codes longer, never wrong.
 */
import { codeTable as defaultTable } from "./code-table";
import type { ExerciseRecord, ProgressV1 } from "./schema";

export type DecodeError = "empty" | "characters" | "checksum" | "format" | "not-json" | "not-progress";

export type DecodeResult =
  | {
      ok: true;
      progress: ProgressV1;
      /** Passed exercises in the code that this version of the course does not know. */
      unknown: number;
      /** The code or file comes from a newer course than this page's. */
      newer: boolean;
    }
  | { ok: false; error: DecodeError };

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const formatVersion = 1;
const hashBits = 24;
const checksumChars = 3;
const dayZero = Date.UTC(2024, 0, 1);
const msPerDay = 86_400_000;

export function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.max(0, Math.round((Date.UTC(y, m - 1, d) - dayZero) / msPerDay));
}

export function dayString(day: number): string {
  return new Date(dayZero + day * msPerDay).toISOString().slice(0, 10);
}

/** FNV-1a, 32 bits, over UTF-16 code units (exercise ids are ASCII). */
/** Signed to unsigned, small magnitudes first: 0, -1, 1, -2, 2 ... -> 0, 1, 2, 3, 4 ... */
const zigzag = (n: number) => (n < 0 ? -2 * n - 1 : 2 * n);
const unzigzag = (n: number) => (n % 2 ? -(n + 1) / 2 : n / 2);

export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function idHash(id: string): number {
  return fnv1a(id) >>> (32 - hashBits);
}

class BitWriter {
  readonly bits: number[] = [];
  write(value: number, width: number) {
    for (let i = width - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
  }
  /** Elias gamma code of value ≥ 1. */
  gamma(value: number) {
    const width = Math.floor(Math.log2(value)) + 1;
    this.write(0, width - 1);
    this.write(value, width);
  }
}

class BitReader {
  private pos = 0;
  constructor(private readonly bits: readonly number[]) {}
  get remaining() {
    return this.bits.length - this.pos;
  }
  read(width: number): number {
    if (width > this.remaining) throw new RangeError("truncated");
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 2 + (this.bits[this.pos++] ?? 0);
    return value;
  }
  gamma(): number {
    let zeros = 0;
    while (this.read(1) === 0) {
      zeros++;
      if (zeros > 40) throw new RangeError("number too large");
    }
    return 2 ** zeros + this.read(zeros);
  }
}

function checksum(symbols: readonly number[]): number[] {
  // FNV-1a over the symbols, folded to 15 bits: a mistyped or swapped character goes unnoticed
  // with a chance of 1 in 32,768.
  let hash = 0x811c9dc5;
  for (const symbol of symbols) {
    hash ^= symbol + 1;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const folded = ((hash >>> 15) ^ hash) & 0x7fff;
  return [(folded >>> 10) & 31, (folded >>> 5) & 31, folded & 31];
}

export function encodeProgressCode(progress: ProgressV1, table: readonly string[] = defaultTable): string {
  const index = new Map(table.map((id, i) => [id, i]));
  const inTable: { i: number; record: ExerciseRecord }[] = [];
  const extras: { hash: number; id: string; record: ExerciseRecord }[] = [];
  for (const [id, record] of Object.entries(progress.exercises)) {
    const i = index.get(id);
    if (i === undefined) extras.push({ hash: idHash(id), id, record });
    else inTable.push({ i, record });
  }
  inTable.sort((a, b) => a.i - b.i);
  extras.sort((a, b) => a.hash - b.hash || a.id.localeCompare(b.id));

  const out = new BitWriter();
  out.write(formatVersion, 3);
  out.gamma(table.length + 1);
  const m = inTable.length ? inTable[inTable.length - 1]!.i + 1 : 0;
  out.gamma(m + 1);
  const set = new Set(inTable.map((entry) => entry.i));
  for (let i = 0; i < m; i++) out.write(set.has(i) ? 1 : 0, 1);
  out.gamma(extras.length + 1);
  for (const extra of extras) out.write(extra.hash, hashBits);
  const days = [...inTable, ...extras].map((entry) => dayNumber(entry.record.date));
  if (days.length) {
    out.gamma(days[0]! + 1);
    for (let i = 1; i < days.length; i++) out.gamma(zigzag(days[i]! - days[i - 1]!) + 1);
  }
  while (out.bits.length % 5) out.bits.push(0);

  const symbols: number[] = [];
  for (let i = 0; i < out.bits.length; i += 5) {
    symbols.push(out.bits.slice(i, i + 5).reduce((value, bit) => value * 2 + bit, 0));
  }
  symbols.push(...checksum(symbols));
  const text = symbols.map((s) => alphabet[s]).join("");
  return text.match(/.{1,4}/g)!.join("-");
}

/** Symbol values of a code as typed, or undefined when it has characters that cannot be in one. */
function readSymbols(code: string): number[] | undefined {
  const symbols: number[] = [];
  for (const raw of code.toUpperCase()) {
    if (raw === "-" || /\s/.test(raw)) continue;
    const ch = raw === "O" ? "0" : raw === "I" || raw === "L" ? "1" : raw;
    const value = alphabet.indexOf(ch);
    if (value < 0) return undefined;
    symbols.push(value);
  }
  return symbols;
}

export function decodeProgressCode(
  code: string,
  knownIds: readonly string[] = [],
  table: readonly string[] = defaultTable,
): DecodeResult {
  const symbols = readSymbols(code);
  if (!symbols) return { ok: false, error: "characters" };
  if (symbols.length === 0) return { ok: false, error: "empty" };
  if (symbols.length <= checksumChars) return { ok: false, error: "checksum" };
  const payload = symbols.slice(0, -checksumChars);
  const expected = checksum(payload);
  if (symbols.slice(-checksumChars).some((s, i) => s !== expected[i])) return { ok: false, error: "checksum" };

  const bits = payload.flatMap((s) => [16, 8, 4, 2, 1].map((w) => (s & w ? 1 : 0)));
  const input = new BitReader(bits);
  try {
    if (input.read(3) !== formatVersion) return { ok: false, error: "format" };
    const course = input.gamma() - 1;
    const m = input.gamma() - 1;
    if (m > course) return { ok: false, error: "format" };
    const ids: (string | undefined)[] = [];
    for (let i = 0; i < m; i++) if (input.read(1)) ids.push(table[i]);
    const e = input.gamma() - 1;
    const byHash = new Map<number, string>();
    for (const id of knownIds) byHash.set(idHash(id), id);
    for (const id of table) byHash.set(idHash(id), id);
    for (let i = 0; i < e; i++) ids.push(byHash.get(input.read(hashBits)));
    const exercises: Record<string, ExerciseRecord> = {};
    let unknown = 0;
    let day = 0;
    for (const [i, id] of ids.entries()) {
      day = i === 0 ? input.gamma() - 1 : day + unzigzag(input.gamma() - 1);
      if (day < 0) return { ok: false, error: "format" };
      const date = dayString(day);
      if (id === undefined) unknown++;
      else if (!exercises[id] || exercises[id].date > date) exercises[id] = { date };
    }
    // Only the zero padding may follow.
    if (input.remaining >= 5 || input.read(input.remaining) !== 0) return { ok: false, error: "format" };
    return { ok: true, progress: { version: 1, exercises }, unknown, newer: course > table.length };
  } catch {
    return { ok: false, error: "format" };
  }
}
