const vm = require('node:vm');

function filterRows(rows, predicate) {
  // ruleid: dynamic-code-eval
  return rows.filter((row) => eval(predicate));
}

function sandbox(source) {
  // ruleid: dynamic-code-eval
  const script = new vm.Script(source);
  return script.runInNewContext({});
}

function handler(req) {
  // ruleid: dynamic-code-eval
  return eval('handle_' + req.query.action + '()');
}

function constant() {
  const src = 'globalThis.answer = 42';
  // ok: dynamic-code-eval
  return vm.runInThisContext(src);
}

function safe(req) {
  const handlers = { list: () => [], get: () => ({}) };
  // ok: dynamic-code-eval
  return handlers[req.query.action]?.();
}

function glue(table) {
  const args = table.map((_, i) => '$' + i).join(',');
  const func = `(${args}) => 0;`;
  // ok: dynamic-code-eval
  return eval(func);
}

function evaluate(expr) {
  // ok: dynamic-code-eval
  return mathjs.evaluate(expr);
}

module.exports = { glue, filterRows, sandbox, handler, constant, safe, evaluate };
