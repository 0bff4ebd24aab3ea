import { defineRule } from '../../engine/define-rule';
import { complexityUpperBoundIn, cyclomaticComplexity } from '../lib/complexity';
import { functionName } from '../lib/syntax';

const JS = `
  (function_declaration name: (identifier) @report) @match
  (generator_function_declaration name: (identifier) @report) @match
  (method_definition name: (_) @report) @match
  (function_expression "function" @report) @match
  (arrow_function "=>" @report) @match`;

/** A function with many paths needs many tests to cover them, and is where untested paths hide. */
export default defineRule({
  id: 'function-too-complex',
  pillar: 'testability',
  severity: 'info',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Function is too complex to test thoroughly',
  local: true,
  options: {
    maxComplexity: {
      type: 'number',
      default: 15,
      description: 'Highest cyclomatic complexity a function may have before it is flagged (policy testability.complexityThreshold).',
    },
  },
  query: {
    go: `
      (function_declaration name: (identifier) @report) @match
      (method_declaration name: (field_identifier) @report) @match
      (func_literal "func" @report) @match`,
    python: '(function_definition name: (identifier) @report) @match',
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_declaration name: (identifier) @report) @match
      (constructor_declaration name: (identifier) @report) @match
      (lambda_expression "->" @report) @match`,
  },
  filter: (m, ctx) => {
    const max = Number(ctx.options.maxComplexity);
    return complexityUpperBoundIn(ctx.text, m.node.startIndex, m.node.endIndex) > max && cyclomaticComplexity(m.node) > max;
  },
  message: (m, ctx) => {
    const max = Number(ctx.options.maxComplexity);
    const name = functionName(m.node);
    return `${name ? `${name} has` : 'this function has'} cyclomatic complexity ${cyclomaticComplexity(m.node)} (over ${max}): `
      + `covering its paths needs at least that many tests; extract the branches into small named functions or replace condition chains with a lookup table`;
  },
  description: `
A function's **cyclomatic complexity** (McCabe) is over the threshold (option \`maxComplexity\`, default 15; the
policy's \`testability.complexityThreshold\` sets it). The complexity is 1 plus one for every decision point in the
function: \`if\` / \`else if\` / \`elif\`, each loop, each non-default \`case\`, each \`catch\` / \`except\`, each
\`&&\` / \`||\` / \`and\` / \`or\`, and each conditional expression (\`?:\`, \`x if c else y\`). Nested functions,
closures and lambdas are measured on their own and do not add to their parent.

**Why it matters.** The complexity is the number of independent paths through the function, which is the number of
test cases needed just to run every branch once. Past about 15 teams stop writing them: the rare paths (the error
branch, the fallback, the combination of two flags) ship untested, and that is where incidents come from. Complex
functions are also harder to review and to change safely under time pressure during an incident.

**How to fix.** Split the function along its decisions: extract validation, each branch of a long \`if\`/\`switch\`
chain and each loop body into small named functions that can be tested on their own; replace chains of conditions on
the same value by a lookup table or map of handlers; return early instead of nesting. Raise \`maxComplexity\` in
\`.dfx.yaml\` if your team agrees on a different limit, or suppress the finding on a function that is deliberately a
flat dispatch table.

**Links.** [McCabe, A Complexity Measure (1976)](https://www.literateprogramming.com/mccabe.pdf),
[gocyclo](https://github.com/fzipp/gocyclo), [ESLint complexity](https://eslint.org/docs/latest/rules/complexity),
[Radon (Python)](https://radon.readthedocs.io/en/latest/intro.html#cyclomatic-complexity).
`,
});
