// Test cases derived from a function's signature and guards: one case per guard that must fail, a valid case where no
// guard fires, and the boundary values around every literal a parameter is compared with.
import type { Comparison, FunctionInfo, Param } from './extract';

/** A value for one parameter: a number, a string, `true`, or the language's zero/default for its type. */
export type Value = { kind: 'number'; v: number } | { kind: 'string'; v: string } | { kind: 'bool'; v: boolean } | { kind: 'default' } | { kind: 'null' };

/** One test case. */
export interface TestCase {
  name: string;
  args: Value[];
  /** The call must fail (throw, raise, reject, return an error). */
  fails: boolean;
}

/** The broad kind of a parameter, from its type (or, untyped, from how it is compared). */
export function paramKind(p: Param, f: FunctionInfo): 'number' | 'string' | 'bool' | 'other' {
  const t = p.type.toLowerCase();
  if (/^(u?int\d*|float\d*|number|double|long|short|byte|decimal|bigint|integer|float|int)$/.test(t)) return 'number';
  if (/^(string|str)$/.test(t)) return 'string';
  if (/^(bool|boolean)$/.test(t)) return 'bool';
  if (!t && p.inferred) return p.inferred;
  if (!t) {
    const cmps = f.guards.flatMap((g) => g.any).filter((c) => c.param === p.name);
    if (cmps.some((c) => typeof c.value === 'number' && !c.length) || f.boundaries.has(p.name)) return 'number';
    if (cmps.some((c) => typeof c.value === 'string' || c.length || c.op === 'falsy')) return 'string';
  }
  return 'other';
}

function holds(c: Comparison, v: Value, other?: Value): boolean | undefined {
  if (c.other !== undefined) {
    if (!other || other.kind !== 'number' || v.kind !== 'number') return undefined;
    return holds({ ...c, other: undefined, value: other.v }, v);
  }
  let x: number | string | null | boolean;
  if (v.kind === 'number') x = v.v;
  else if (v.kind === 'string') x = c.length ? v.v.length : v.v;
  else if (v.kind === 'bool') x = v.v;
  else if (v.kind === 'null') x = null;
  else return undefined;
  if (c.op === 'falsy') return !x;
  const y = c.value;
  switch (c.op) {
    case '<': return y !== null && x !== null && x < y;
    case '<=': return y !== null && x !== null && x <= y;
    case '>': return y !== null && x !== null && x > y;
    case '>=': return y !== null && x !== null && x >= y;
    case '==': case '===': return x === y;
    case '!=': case '!==': return x !== y;
    default: return undefined;
  }
}

function candidates(p: Param, f: FunctionInfo, generic = true): Value[] {
  const kind = paramKind(p, f);
  const cmps = f.guards.flatMap((g) => g.any).filter((c) => c.param === p.name);
  const out: Value[] = [];
  if (kind === 'number') {
    const nums = [...(f.boundaries.get(p.name) ?? []), ...cmps.map((c) => c.value).filter((v): v is number => typeof v === 'number')];
    const integer = !/float|double|decimal/i.test(p.type);
    for (const k of nums) for (const d of integer ? [-1, 0, 1] : [-0.5, 0, 0.5]) out.push({ kind: 'number', v: k + d });
    if (generic) out.push({ kind: 'number', v: 1 }, { kind: 'number', v: 0 }, { kind: 'number', v: 100 });
  } else if (kind === 'string') {
    for (const c of cmps) {
      if (typeof c.value === 'string') out.push({ kind: 'string', v: c.value });
      if (c.length && typeof c.value === 'number') for (const d of [-1, 0, 1]) if (c.value + d >= 0) out.push({ kind: 'string', v: 'a'.repeat(c.value + d) });
    }
    if (generic) out.push({ kind: 'string', v: 'a' }, { kind: 'string', v: '' }, { kind: 'string', v: 'example' });
  } else if (kind === 'bool') {
    out.push({ kind: 'bool', v: true }, { kind: 'bool', v: false });
  } else {
    out.push({ kind: 'default' });
    if (cmps.some((c) => c.value === null)) out.push({ kind: 'null' });
  }
  const seen = new Set<string>();
  return out.filter((v) => {
    const k = JSON.stringify(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** True when some guard certainly fires for these arguments, false when none can, undefined when unknown. */
function fires(f: FunctionInfo, args: readonly Value[]): boolean | undefined {
  let unknown = false;
  for (const g of f.guards) {
    for (const c of g.any) {
      const i = f.params.findIndex((p) => p.name === c.param);
      const v = args[i];
      const o = c.other === undefined ? undefined : args[f.params.findIndex((p) => p.name === c.other)];
      const h = v ? holds(c, v, o) : undefined;
      if (h === true) return true;
      if (h === undefined) unknown = true;
    }
  }
  return unknown || f.opaqueGuards > 0 ? undefined : false;
}

function show(v: Value): string {
  if (v.kind === 'number') return String(v.v);
  if (v.kind === 'string') return v.v.length > 12 ? `${v.v.length} chars` : JSON.stringify(v.v);
  if (v.kind === 'bool') return String(v.v);
  return v.kind === 'null' ? 'null' : 'default';
}

/**
 * A valid value per parameter: the first candidate that makes none of its own guards hold (for a constructor, the
 * arguments a method's tests build the object with).
 */
export function validArgs(f: FunctionInfo): Value[] {
  return f.params.map((p) => {
    const own = f.guards.flatMap((g) => g.any).filter((c) => c.param === p.name && c.other === undefined);
    const nice = (v: Value): number => (v.kind === 'number' && v.v === 1) || (v.kind === 'string' && v.v === 'example') ? 0 : 1;
    const ordered = candidates(p, f).sort((x, y) => nice(x) - nice(y));
    return ordered.find((v) => own.every((c) => holds(c, v) === false)) ?? ordered[0] ?? { kind: 'default' as const };
  });
}

/**
 * True when `v` stands in for a value the generator cannot build (undefined, None, null, a nil pointer or interface):
 * a call with it is no evidence of valid input, so no case claims such a call succeeds. Collections (an empty one is
 * built), optional parameters and Go value types (a usable zero value) are real input.
 */
export function isPlaceholder(v: Value, p: Param, f: FunctionInfo): boolean {
  if (v.kind !== 'default' && v.kind !== 'null') return false;
  if (p.optional && v.kind === 'default') return false;
  const t = p.type.replace(/^\.\.\./, '[]');
  if (/\[\]$|^\[\]|^(Readonly)?Array<|^(list|List|dict|Dict|set|Set|tuple|Tuple|frozenset|Sequence|Mapping|Iterable|Collection|Map|HashMap|ArrayList)\b|^map\[/.test(t)) return v.kind === 'default';
  if (f.language === 'go' && v.kind === 'default') return /^\*|^func\b|^chan\b|^<-|^interface\b|^any$|^error$|\./.test(t);
  if (f.language === 'java' && /^(int|long|short|byte|double|float|char|boolean)$/.test(t)) return false;
  return true;
}

/** The cases for a function: certain failures first, then the valid and boundary cases, without duplicates. */
export function deriveCases(f: FunctionInfo): TestCase[] {
  const cands = f.params.map((p) => candidates(p, f));
  const valid = validArgs(f);
  const cases: TestCase[] = [];
  const seen = new Set<string>();
  const add = (name: string, args: Value[], fails: boolean): void => {
    const key = JSON.stringify(args);
    if (seen.has(key)) return;
    seen.add(key);
    cases.push({ name, args, fails });
  };
  for (const g of f.guards) {
    for (const c of g.any) {
      const i = f.params.findIndex((p) => p.name === c.param);
      const o = c.other === undefined ? undefined : valid[f.params.findIndex((p) => p.name === c.other)];
      const v = cands[i]?.find((x) => holds(c, x, o) === true);
      if (!v) continue;
      const args = valid.map((x, j) => (j === i ? v : x));
      add(`fails when ${c.param}${c.length ? ' length' : ''} ${c.op === 'falsy' ? 'is empty' : `${c.op} ${c.other ?? (c.value === null ? 'null' : JSON.stringify(c.value))}`} (${c.param} = ${show(v)}, line ${g.line})`, args, true);
    }
  }
  const real = (args: readonly Value[]): boolean => args.every((v, i) => !isPlaceholder(v, f.params[i] ?? { name: '', type: '' }, f));
  if (fires(f, valid) === false && real(valid)) add(`accepts valid input (${f.params.map((p, i) => `${p.name} = ${show(valid[i] ?? { kind: 'default' })}`).join(', ') || 'no arguments'})`, valid, false);
  f.params.forEach((p, i) => {
    // Values the code compares with (and their neighbours); the generic fill-ins (0, 100, '') are no boundary of
    // this code, and claiming they pass would only test what the guards say nothing about (a division by zero).
    const derived = new Set(candidates(p, f, false).map((v) => JSON.stringify(v)));
    for (const v of cands[i] ?? []) {
      if (v.kind !== 'number' && v.kind !== 'string') continue;
      const args = valid.map((x, j) => (j === i ? v : x));
      const fire = fires(f, args);
      if (fire === undefined || (!fire && (!real(args) || !derived.has(JSON.stringify(v))))) continue;
      add(`${fire ? 'fails' : 'accepts'} boundary ${p.name} = ${show(v)}`, args, fire);
    }
  });
  return cases.slice(0, 12);
}
