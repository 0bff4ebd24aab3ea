import type { Node, Tree } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import { namedArgs } from '../lib/syntax';

/** Calls known to return a promise without looking at declarations. */
const KNOWN = /^(fetch|(globalThis|window)\.fetch|Promise\.(all|allSettled|race|any)|(fs\.promises|fsp|fsPromises)\.\w+|axios(\.(get|post|put|patch|delete|head|request))?)$/;

const asyncNames = new WeakMap<Tree, Set<string>>();

/** Names of the async functions and methods declared in the file (indexed once per tree). */
function asyncDeclared(tree: Tree): Set<string> {
  let names = asyncNames.get(tree);
  if (names) return names;
  names = new Set();
  for (const d of tree.rootNode.descendantsOfType(['function_declaration', 'method_definition', 'arrow_function', 'function_expression'])) {
    if (!d.children.some((c) => c?.type === 'async')) continue;
    const own = d.childForFieldName('name');
    const bound = d.parent?.type === 'variable_declarator' ? d.parent.childForFieldName('name') : undefined;
    const name = own?.text ?? bound?.text;
    if (name) names.add(name);
  }
  asyncNames.set(tree, names);
  return names;
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
    if (object?.type === 'this' && asyncDeclared(call.tree).has(method)) return true;
  }
  if (fn.type === 'identifier' && asyncDeclared(call.tree).has(fn.text)) return true;
  return KNOWN.test(fn.text);
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
  filter: (m) => {
    const call = m.get('call');
    return !!call && floats(call);
  },
  message: (m) =>
    `${m.get('call')?.childForFieldName('function')?.text ?? 'this call'}(...) returns a promise that is neither awaited nor handled: a rejection becomes an unhandledRejection (which kills Node by default) and the code after it runs before the work is done; \`await\` it, return it, add .catch(...), or mark a deliberate fire-and-forget with \`void\``,
  description: `
A call that returns a promise is used as a statement with no \`await\`, \`return\`, \`.catch(...)\`,
\`.then(onOk, onError)\` or \`void\`. Without type information the rule knows a call returns a promise when it
calls an \`async\` function or method declared in the same file (\`save()\`, \`this.flush()\`), \`fetch\`,
\`axios\`, \`Promise.all/allSettled/race/any\` or \`fs.promises\`; a \`.then(f)\` / \`.finally(f)\` chain on such a call
still floats.

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
