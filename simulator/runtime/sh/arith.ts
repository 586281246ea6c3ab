/**
 * $((...)): 64-bit signed arithmetic with the C operators, evaluated the way BusyBox's
 * shell/math.c does it (an operator-precedence stack machine; both sides of && || ?: are
 * evaluated; variables hold expressions that are evaluated recursively).
 */

export interface ArithEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithError extends Error {
  constructor(msg: string) {
    super(msg);
    this.name = "ArithError";
  }
}

const tok = (prec: number, id: number): number => (id << 5) | prec;
const PREC = (op: number): number => op & 0x1f;

const LPAREN = tok(0, 0);
const COMMA = tok(1, 0);
const ASSIGN = tok(2, 0), AND_ASSIGN = tok(2, 1), OR_ASSIGN = tok(2, 2), XOR_ASSIGN = tok(2, 3);
const PLUS_ASSIGN = tok(2, 4), MINUS_ASSIGN = tok(2, 5), LSHIFT_ASSIGN = tok(2, 6), RSHIFT_ASSIGN = tok(2, 7);
const MUL_ASSIGN = tok(3, 0), DIV_ASSIGN = tok(3, 1), REM_ASSIGN = tok(3, 2);
const CONDITIONAL = tok(4, 0), CONDITIONAL_SEP = tok(4, 1);
const OR = tok(5, 0), AND = tok(6, 0), BOR = tok(7, 0), BXOR = tok(8, 0), BAND = tok(9, 0);
const EQ = tok(10, 0), NE = tok(10, 1);
const LT = tok(11, 0), GT = tok(11, 1), GE = tok(11, 2), LE = tok(11, 3);
const LSHIFT = tok(12, 0), RSHIFT = tok(12, 1);
const ADD = tok(13, 0), SUB = tok(13, 1);
const MUL = tok(14, 0), DIV = tok(14, 1), REM = tok(14, 2);
const EXPONENT = tok(15, 1);
const UNARYPREC = 16;
const BNOT = tok(UNARYPREC, 0), NOT = tok(UNARYPREC, 1);
const UMINUS = tok(UNARYPREC + 1, 0), UPLUS = tok(UNARYPREC + 1, 1);
const PREC_PRE = UNARYPREC + 2;
const PRE_INC = tok(PREC_PRE, 0), PRE_DEC = tok(PREC_PRE, 1);
const PREC_POST = UNARYPREC + 3;
const POST_INC = tok(PREC_POST, 0), POST_DEC = tok(PREC_POST, 1);
const SPEC_PREC = UNARYPREC + 4;
const NUM = tok(SPEC_PREC, 0), RPAREN = tok(SPEC_PREC, 1);

/** Longest first, as in math.c. */
const OPS: Array<[string, number]> = [
  ["<<=", LSHIFT_ASSIGN], [">>=", RSHIFT_ASSIGN], ["<<", LSHIFT], [">>", RSHIFT], ["||", OR], ["&&", AND],
  ["!=", NE], ["<=", LE], [">=", GE], ["==", EQ], ["|=", OR_ASSIGN], ["&=", AND_ASSIGN], ["*=", MUL_ASSIGN],
  ["/=", DIV_ASSIGN], ["%=", REM_ASSIGN], ["+=", PLUS_ASSIGN], ["-=", MINUS_ASSIGN], ["--", POST_DEC],
  ["^=", XOR_ASSIGN], ["++", POST_INC], ["**", EXPONENT], ["!", NOT], ["<", LT], [">", GT], ["=", ASSIGN],
  ["|", BOR], ["&", BAND], ["*", MUL], ["/", DIV], ["%", REM], ["+", ADD], ["-", SUB], ["^", BXOR],
  ["~", BNOT], [",", COMMA], ["?", CONDITIONAL], [":", CONDITIONAL_SEP], [")", RPAREN], ["(", LPAREN],
];

const fixPrec = (p: number): number => (p === 3 ? 2 : p);
const isAssignOp = (op: number): boolean => {
  const p = fixPrec(PREC(op));
  return p === PREC(ASSIGN) || p === PREC_PRE || p === PREC_POST;
};
const isRightAssoc = (p: number): boolean => p === PREC(ASSIGN) || p === PREC(EXPONENT) || p === PREC(CONDITIONAL);

const NAME_RE = /[A-Za-z_][A-Za-z0-9_]*/y;
const wrap = (x: bigint): bigint => BigInt.asIntN(64, x);
const isSpace = (c: string | undefined): boolean => c !== undefined && " \t\n\v\f\r".includes(c) && c !== "";

interface Operand {
  val: bigint;
  second: bigint;
  secondPresent: boolean;
  name: string | null;
}

/** strtoull(s, &end, 0) plus BusyBox's N#digits bases. Returns the value and the characters used. */
function parseNumber(s: string, i: number): [bigint, number] {
  let j = i;
  let base = 10;
  if (s[j] === "0" && (s[j + 1] === "x" || s[j + 1] === "X") && /[0-9a-fA-F]/.test(s[j + 2] ?? "")) {
    base = 16;
    j += 2;
  } else if (s[j] === "0") base = 8;
  const digits = base === 16 ? /[0-9a-fA-F]/ : base === 8 ? /[0-7]/ : /[0-9]/;
  let n = 0n;
  let overflow = false;
  while (j < s.length && digits.test(s[j])) {
    n = n * BigInt(base) + BigInt(parseInt(s[j], 16));
    if (n > 0xffffffffffffffffn) overflow = true;
    j++;
  }
  if (overflow) return [0n, j];
  if (s[j] === "#" && s[i] >= "1" && s[i] <= "9" && n >= 2n && n <= 64n) {
    const b = Number(n);
    n = 0n;
    j++;
    for (;;) {
      const ch = s[j];
      if (ch === undefined) break;
      let digit = ch.charCodeAt(0) - 48;
      if (digit >= 10 && digit <= "z".charCodeAt(0) - 48) {
        digit = (ch.charCodeAt(0) | 0x20) - ("a".charCodeAt(0) - 10);
        if (b > 36 && ch <= "_") {
          if (ch === "_") digit = 63;
          else if (ch === "@") digit = 62;
          else if (digit < 36) digit += 36 - 10;
          else break;
        }
      }
      if (digit < 0 || digit >= b) break;
      n = n * BigInt(b) + BigInt(digit);
      j++;
    }
  }
  return [wrap(n), j];
}

export function arith(expr: string, env: ArithEnv): bigint {
  return evaluate(expr, env, []);
}

function lookupVal(t: Operand, env: ArithEnv, seen: string[]): void {
  if (t.name === null) return;
  const p = env.get(t.name);
  if (p === undefined) {
    t.val = 0n;
    return;
  }
  if (seen.includes(t.name)) throw new ArithError("expression recursion loop detected");
  t.val = evaluate(p, env, [...seen, t.name]);
}

function apply(op: number, nums: Operand[], env: ArithEnv, seen: string[]): void {
  if (nums.length === 0) throw new ArithError("arithmetic syntax error");
  let top = nums[nums.length - 1];
  lookupVal(top, env, seen);
  let rez = top.val;
  if (op === UMINUS) rez = -rez;
  else if (op === NOT) rez = rez ? 0n : 1n;
  else if (op === BNOT) rez = ~rez;
  else if (op === POST_INC || op === PRE_INC) rez++;
  else if (op === POST_DEC || op === PRE_DEC) rez--;
  else if (op !== UPLUS) {
    if (nums.length < 2) throw new ArithError("arithmetic syntax error");
    nums.pop();
    let badSecond = top.secondPresent;
    if (op === CONDITIONAL) badSecond = !badSecond;
    if (badSecond) throw new ArithError("malformed ?: operator");
    const rightOperand = top;
    top = nums[nums.length - 1];
    if (op !== ASSIGN) lookupVal(top, env, seen);
    const right = rez;
    rez = top.val;
    if (op === CONDITIONAL) rez = rez ? right : rightOperand.second;
    else if (op === CONDITIONAL_SEP) {
      if (nums.length === 1) throw new ArithError("malformed ?: operator");
      top.secondPresent = true;
      top.second = right;
    } else if (op === BOR || op === OR_ASSIGN) rez |= right;
    else if (op === OR) rez = right || rez ? 1n : 0n;
    else if (op === BAND || op === AND_ASSIGN) rez &= right;
    else if (op === BXOR || op === XOR_ASSIGN) rez ^= right;
    else if (op === AND) rez = rez && right ? 1n : 0n;
    else if (op === EQ) rez = rez === right ? 1n : 0n;
    else if (op === NE) rez = rez !== right ? 1n : 0n;
    else if (op === GE) rez = rez >= right ? 1n : 0n;
    else if (op === RSHIFT || op === RSHIFT_ASSIGN) rez >>= BigInt.asUintN(6, right);
    else if (op === LSHIFT || op === LSHIFT_ASSIGN) rez <<= BigInt.asUintN(6, right);
    else if (op === GT) rez = rez > right ? 1n : 0n;
    else if (op === LT) rez = rez < right ? 1n : 0n;
    else if (op === LE) rez = rez <= right ? 1n : 0n;
    else if (op === MUL || op === MUL_ASSIGN) rez *= right;
    else if (op === ADD || op === PLUS_ASSIGN) rez += right;
    else if (op === SUB || op === MINUS_ASSIGN) rez -= right;
    else if (op === ASSIGN || op === COMMA) rez = right;
    else if (op === EXPONENT) {
      if (right < 0n) throw new ArithError("exponent less than 0");
      let c = 1n;
      let b = rez;
      let e = right;
      while (e > 0n) {
        if (e & 1n) c = wrap(c * b);
        b = wrap(b * b);
        e >>= 1n;
      }
      rez = c;
    } else if (right === 0n) throw new ArithError("divide by zero");
    else {
      let r = right;
      if (r === -1n && wrap(rez << 1n) === 0n) r = 1n;
      rez = op === DIV || op === DIV_ASSIGN ? rez / r : rez % r;
    }
  }
  rez = wrap(rez);
  if (isAssignOp(op)) {
    if (top.name === null) throw new ArithError("arithmetic syntax error");
    env.set(top.name, String(rez));
    if (op === POST_INC) rez--;
    if (op === POST_DEC) rez++;
    rez = wrap(rez);
  }
  top.val = rez;
  top.name = null;
}

function evaluate(expr: string, env: ArithEnv, seen: string[]): bigint {
  const s = expr;
  let i = 0;
  const skipWs = (): void => {
    while (i < s.length && isSpace(s[i])) i++;
  };
  skipWs();
  const start = i;
  const nums: Operand[] = [];
  const stack: number[] = [LPAREN];
  let lasttok = LPAREN;
  let appendedParen = false;
  for (;;) {
    skipWs();
    if (i >= s.length) {
      if (i === start && !appendedParen) return 0n;
      if (!appendedParen) {
        appendedParen = true;
        handleOp(RPAREN);
        continue;
      }
      if (nums.length !== 1) throw new ArithError("arithmetic syntax error");
      return nums[0].val;
    }
    NAME_RE.lastIndex = i;
    const m = NAME_RE.exec(s);
    if (m) {
      nums.push({ val: 0n, second: 0n, secondPresent: false, name: m[0] });
      i += m[0].length;
      lasttok = NUM;
      continue;
    }
    if (s[i] >= "0" && s[i] <= "9") {
      const [v, j] = parseNumber(s, i);
      nums.push({ val: v, second: 0n, secondPresent: false, name: null });
      i = j;
      lasttok = NUM;
      continue;
    }
    let op = -1;
    if ((s[i] === "+" || s[i] === "-") && s[i + 1] === s[i]) {
      if (nums.length === 0 || !nums[nums.length - 1].name) {
        let k = i + 2;
        while (k < s.length && isSpace(s[k])) k++;
        if (!/[A-Za-z_]/.test(s[k] ?? "")) {
          op = s[i] === "+" ? ADD : SUB;
          i++;
        }
      }
    }
    if (op < 0) {
      const found = OPS.find(([t]) => s.startsWith(t, i));
      if (!found) throw new ArithError("arithmetic syntax error");
      op = found[1];
      i += found[0].length;
    }
    handleOp(op);
  }

  function handleOp(op0: number): void {
    let op = op0;
    if (lasttok === POST_INC || lasttok === POST_DEC) lasttok = NUM;
    if (lasttok !== NUM) {
      if (op === ADD) op = UPLUS;
      else if (op === SUB) op = UMINUS;
      else if (op === POST_INC) op = PRE_INC;
      else if (op === POST_DEC) op = PRE_DEC;
    }
    let prec = PREC(op);
    if ((prec > 0 && prec < UNARYPREC) || prec === SPEC_PREC) {
      if (lasttok !== NUM) throw new ArithError("arithmetic syntax error");
      while (stack.length > 0) {
        const prev = stack.pop()!;
        if (op === RPAREN) {
          if (prev === LPAREN) {
            const t = nums[nums.length - 1];
            if (t && t.name) {
              lookupVal(t, env, seen);
              t.name = null;
            }
            lasttok = NUM;
            return;
          }
        } else {
          const pp = fixPrec(PREC(prev));
          prec = fixPrec(prec);
          if (pp < prec || (pp === prec && isRightAssoc(prec))) {
            stack.push(prev);
            break;
          }
        }
        apply(prev, nums, env, seen);
      }
      if (op === RPAREN) throw new ArithError("arithmetic syntax error");
    }
    stack.push(op);
    lasttok = op;
  }
}
