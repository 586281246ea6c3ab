/** Exceptions the shell uses for errors and for control flow (break, continue, return). */

/** A syntax error found by the parser; the shell prints "syntax error: <msg>" and exits 2. */
export class ParseError extends Error {
  /** bash: the text of the line it happened on (bash prints it after the message). */
  lineText?: string;
  constructor(
    readonly msg: string,
    readonly linno: number,
    /** bash: the token it stopped at ("near unexpected token `x'"); undefined: end of file. */
    readonly token?: string,
  ) {
    super("syntax error: " + msg);
    this.name = "ParseError";
  }
}

/**
 * ash's EXERROR: an error whose message has been printed. It unwinds to the nearest handler:
 * a non-special builtin's caller (which carries on with the status), a subshell, `command`,
 * or the top level (which exits a non-interactive shell).
 */
export class ShellError extends Error {
  constructor(readonly status: number) {
    super("shell error");
    this.name = "ShellError";
  }
}

/**
 * bash: an error that abandons the command being run (a bad subscript in an assignment); a
 * non-interactive bash goes on with the next command it reads, with status 1.
 */
export class DiscardError extends ShellError {}

/** `break n` / `continue n` unwinding to the enclosing loops. */
export class LoopControl extends Error {
  constructor(
    readonly kind: "break" | "continue",
    public count: number,
  ) {
    super(kind);
    this.name = "LoopControl";
  }
}

/** `return` unwinding to the function, dot script, or top level. */
export class ReturnSignal extends Error {
  constructor() {
    super("return");
    this.name = "ReturnSignal";
  }
}

/** Nesting or recursion past what the real shell's C stack survives: it dies of SIGSEGV. */
export class DepthExceeded extends Error {
  constructor() {
    super("nesting too deep");
    this.name = "DepthExceeded";
  }
}

/** A value grew past what the shell will hold: BusyBox dies with "out of memory". */
export class OutOfMemory extends Error {
  constructor() {
    super("out of memory");
    this.name = "OutOfMemory";
  }
}

/** Values longer than this end the shell as memory exhaustion would. */
export const MAX_VALUE = 1 << 24;

/** ^C in an interactive shell: the command line is abandoned (ash's EXINT). */
export class Interrupted extends Error {
  constructor() {
    super("interrupted");
    this.name = "Interrupted";
  }
}
