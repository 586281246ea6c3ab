/**
 * The few platform globals the simulator may use. Both browsers and Node provide them; the
 * simulator's tsconfig has no DOM and no Node types, so anything else is a compile error.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
