import type { Node, Tree } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { isMinified } from '../lib/reliability';
import { namedArgs } from '../lib/syntax';

/** Calls known to return a promise without looking at declarations. */
const KNOWN = /^(fetch|(globalThis|window)\.fetch|Promise\.(all|allSettled|race|any)|(fs\.promises|fsp|fsPromises)\.\w+|axios(\.(get|post|put|patch|delete|head|request))?)$/;

interface Declared {
  /** Names whose every declaration in the file is an async function that can reject. */
  async: Set<string>;
  /** Names declared at least once as something else (a sync function, a variable): ambiguous, never flagged. */
  other: Set<string>;
}

const declaredNames = new WeakMap<Tree, Declared>();

const isAsync = (d: Node): boolean => d.children.some((c) => c?.type === 'async');

/** An async function whose whole body is a try/catch that does not rethrow never rejects: calling it bare is safe. */
function neverRejects(d: Node): boolean {
  const statements = namedArgs(d.childForFieldName('body'));
  const only = statements.length === 1 ? statements[0] : undefined;
  const handler = only?.type === 'try_statement' ? only.childForFieldName('handler') : null;
  return !!handler && !/\bthrow\b|reject\(/.test(handler.text);
}

/** Function-like declarations of the file by name, split into async ones that may reject and everything else (once per tree). */
function declared(tree: Tree): Declared {
  let d = declaredNames.get(tree);
  if (d) return d;
  d = { async: new Set(), other: new Set() };
  for (const n of tree.rootNode.descendantsOfType(['function_declaration', 'method_definition', 'arrow_function', 'function_expression', 'variable_declarator'])) {
    // `const f = async () => ...` is seen through its declarator; methods are judged per class (asyncMethodOfClass).
    if (n.type === 'method_definition' || (n.type !== 'variable_declarator' && n.parent?.type === 'variable_declarator')) continue;
    const fn = n.type === 'variable_declarator' ? n.childForFieldName('value') : n;
    const name = n.childForFieldName('name')?.text;
    if (!name) continue;
    if (fn && /^(arrow_function|function_expression|function_declaration|method_definition|function)$/.test(fn.type) && isAsync(fn) && !neverRejects(fn)) d.async.add(name);
    else d.other.add(name);
  }
  // A parameter of the same name (a callback called \`listener\`) shadows the declaration somewhere in the file.
  for (const p of tree.rootNode.descendantsOfType(['formal_parameters'])) {
    for (const id of p.descendantsOfType('identifier')) d.other.add(id.text);
  }
  for (const name of d.other) d.async.delete(name);
  declaredNames.set(tree, d);
  return d;
}

/** `this.m()` floats when the enclosing class declares `async m` (and no other `m`). */
function asyncMethodOfClass(call: Node, method: string): boolean {
  let cls: Node | null = call.parent;
  while (cls && cls.type !== 'class_body') cls = cls.parent;
  if (!cls) return false;
  const defs = cls.namedChildren.filter((c) => c.type === 'method_definition' && c.childForFieldName('name')?.text === method);
  return defs.length > 0 && defs.every((c) => isAsync(c) && !neverRejects(c));
}

/** True when the call evaluates to a promise nobody handles: `.then(f)` without a rejection handler still floats. */
function floats(call: Node): boolean {
  const fn = call.childForFieldName('function');
  if (!fn) return false;
  if (fn.type === 'member_expression') {
    const method = fn.childForFieldName('property')?.text ?? '';
    const object = fn.childForFieldName('object');
    if (method === 'catch' || (method === 'then' && namedArgs(call.childForFieldName('arguments')).length >= 2)) return false;
    if ((method === 'then' || method === 'finally') && object?.type === 'call_expression') return floats(object);
    if (object?.type === 'this' && asyncMethodOfClass(call, method)) return true;
  }
  if (fn.type === 'identifier' && declared(call.tree).async.has(fn.text)) return true;
  return KNOWN.test(fn.text);
}

/** A short, one-line name for a callee: \`fetch(...).then\` rather than the whole chain with its callbacks. */
function calleeName(fn: Node | null | undefined): string {
  if (!fn) return 'this call';
  const object = fn.type === 'member_expression' ? fn.childForFieldName('object') : null;
  if (object?.type === 'call_expression') return `${calleeName(object.childForFieldName('function'))}(...).${fn.childForFieldName('property')?.text ?? ''}`;
  const text = fn.text.replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A promise whose result and rejection nobody waits for: errors become unhandled rejections and work races on. */
export default defineRule({
  id: 'js-floating-promise',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['typescript', 'tsx', 'javascript'],
  title: 'Floating promise (not awaited or handled)',
  triggers: ['async', 'fetch', 'Promise.', 'promises', 'fsp.', 'axios'],
  query: `(expression_statement (call_expression) @call) @match`,
  filter: (m, ctx) => {
    const call = m.get('call');
    return !!call && floats(call) && !isMinified(ctx.text);
  },
  message: (m) =>
    `${calleeName(m.get('call')?.childForFieldName('function'))}(...) returns a promise that is neither awaited nor handled: a rejection becomes an unhandledRejection (which kills Node by default) and the code after it runs before the work is done; \`await\` it, return it, add .catch(...), or mark a deliberate fire-and-forget with \`void\``,
  description: `
A call that returns a promise is used as a statement with no \`await\`, \`return\`, \`.catch(...)\`,
\`.then(onOk, onError)\` or \`void\`. Without type information the rule knows a call returns a promise when it
calls an \`async\` function declared in the same file under a name nothing else in the file uses (\`save()\`), an
\`async\` method of the enclosing class (\`this.flush()\`), \`fetch\`,
\`axios\`, \`Promise.all/allSettled/race/any\` or \`fs.promises\`; a \`.then(f)\` / \`.finally(f)\` chain on such a call
still floats. An async function whose whole body is a \`try/catch\` that does not rethrow never rejects, so calling it
bare is not flagged.

**Why it matters in production.** Since Node 15 an unhandled rejection terminates the process: one failed
background write takes the whole service down. Before that (or with a handler that only logs), the failure is lost.
And the caller carries on before the work is done: the response is sent before the order is saved, the test ends
before the assertion runs, the lambda freezes mid-request.

**How to fix.**

\`\`\`ts
await repo.save(order);                     // wait for it
void metrics.flush().catch(log.warn);       // deliberate fire-and-forget, with its failure handled
\`\`\`

**Links.** [typescript-eslint no-floating-promises](https://typescript-eslint.io/rules/no-floating-promises/),
[Node.js --unhandled-rejections](https://nodejs.org/api/cli.html#--unhandled-rejectionsmode).
`,
});
