import * as vm from 'node:vm';

export function applyRule(rule: string, order: { total: number }): unknown {
  // ruleid: dynamic-code-eval
  return eval(rule);
}

export function compile(body: string): (x: number) => number {
  // ruleid: dynamic-code-eval
  return new Function('x', body) as (x: number) => number;
}

export function template(expr: string, ctx: Record<string, unknown>): unknown {
  // ruleid: dynamic-code-eval
  return vm.runInNewContext(`(${expr})`, ctx);
}

export function add(): (a: number, b: number) => number {
  // ok: dynamic-code-eval
  return new Function('a', 'b', 'return a + b') as (a: number, b: number) => number;
}

export function parse(text: string): unknown {
  // ok: dynamic-code-eval
  return JSON.parse(text);
}

export function fixed(): unknown {
  // ok: dynamic-code-eval
  return vm.runInNewContext('1 + 1', {});
}
