import type { Node } from 'web-tree-sitter';
import { defineRule, type RuleContext, type RuleMatch } from '../../engine/define-rule';

const URI = /mongodb(\+srv)?:\/\/[^'"`\s]*[?&]w=0(?![\w.])/;
const CONCERN_KEYS = new Set(['w', 'j', 'wtimeout', 'wtimeoutMS', 'wtimeoutms', 'fsync', 'journal']);
/** Driver calls whose options may carry a write concern. */
const MONGO_CALLS = /(MongoClient|AsyncIOMotorClient|WriteConcern|with_options|connect|insertOne|insertMany|updateOne|updateMany|replaceOne|deleteOne|deleteMany|bulkWrite|findOneAndUpdate|findOneAndReplace|findOneAndDelete|insert_one|insert_many|update_one|update_many|replace_one|delete_one|delete_many|bulk_write|get_collection|get_database|collection|db|create|save)$/;
const unquote = (s: string): string => s.replace(/^(['"])(.*)\1$/s, '$2');

/** `{ w: 0 }` is a write concern when it has only write-concern keys, is the value of `writeConcern`, or is a driver call's options. */
function isConcernObject(literal: Node): boolean {
  const keys = literal.namedChildren.filter((c) => c.type === 'pair').map((c) => unquote(c.childForFieldName('key')?.text ?? ''));
  if (keys.every((k) => CONCERN_KEYS.has(k))) return true;
  if (literal.parent?.type === 'pair' && /^['"]?(writeConcern|write_concern)['"]?$/.test(literal.parent.childForFieldName('key')?.text ?? '')) return true;
  // The options argument itself, not an object nested in a document being inserted.
  const call = /^(arguments|argument_list)$/.test(literal.parent?.type ?? '') ? literal.parent?.parent : undefined;
  return MONGO_CALLS.test(call?.childForFieldName('function')?.text ?? '');
}

function unacknowledged(m: RuleMatch, ctx: RuleContext): boolean {
  const n = m.node;
  if (/string|template/.test(n.type)) return URI.test(n.text);
  if (n.type === 'pair') return unquote(m.text('key')) === 'w' && m.text('value') === '0' && !!n.parent && isConcernObject(n.parent);
  if (n.type === 'keyword_argument') return /(MongoClient|AsyncIOMotorClient|WriteConcern|with_options)$/.test(n.parent?.parent?.childForFieldName('function')?.text ?? '');
  if (n.type === 'composite_literal') return /(^|[\s,{])W\s*:\s*0\s*[,}\n]/.test(m.text('body'));
  if (ctx.language === 'go') return m.text('fn') === 'Unacknowledged' || (m.text('fn') === 'W' && /^\(\s*0\s*\)$/.test(m.text('args')));
  return true;
}

const STRINGS = '(string) @match (template_string) @match';
const PAIR = `(pair key: (_) @key value: (_) @value) @match ${STRINGS}`;

/** Unacknowledged writes: the driver never hears about a failed insert, so data is lost silently. */
export default defineRule({
  id: 'mongodb-write-concern-zero',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['typescript', 'tsx', 'javascript', 'python', 'java', 'go'],
  title: 'MongoDB write concern w=0 (unacknowledged writes)',
  local: true,
  // Every driver import and connection string names mongo; the per-match checks then need not scan the file again.
  triggers: ['mongo', 'Mongo', 'MONGO'],
  query: {
    typescript: PAIR,
    tsx: PAIR,
    javascript: PAIR,
    python: `(keyword_argument name: (identifier) @key value: (integer) @value (#eq? @key "w") (#eq? @value "0")) @match
             (pair key: (_) @key value: (_) @value) @match (string) @match`,
    java: `(field_access object: (identifier) @obj field: (identifier) @f
             (#eq? @obj "WriteConcern") (#any-of? @f "UNACKNOWLEDGED" "ERRORS_IGNORED" "NONE")) @match
           (object_creation_expression type: (type_identifier) @t arguments: (argument_list . (decimal_integer_literal) @v)
             (#eq? @t "WriteConcern") (#eq? @v "0")) @match
           (string_literal) @match`,
    go: `(call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
           arguments: (argument_list) @args (#eq? @pkg "writeconcern") (#any-of? @fn "Unacknowledged" "W")) @match
         (composite_literal type: (qualified_type package: (package_identifier) @pkg) body: (literal_value) @body
           (#eq? @pkg "writeconcern")) @match
         (interpreted_string_literal) @match (raw_string_literal) @match`,
  },
  filter: unacknowledged,
  message: 'write concern w=0: the driver does not wait for MongoDB to acknowledge the write, so duplicate keys, validation errors, failovers and full disks lose data with no error; use w: "majority" (the default since MongoDB 5.0)',
  description: `
A MongoDB write concern of \`w: 0\` ("unacknowledged"): \`{ writeConcern: { w: 0 } }\` and \`{ w: 0 }\` options in
Node, \`MongoClient(..., w=0)\` / \`WriteConcern(w=0)\` in PyMongo and Motor, \`WriteConcern.UNACKNOWLEDGED\` /
\`new WriteConcern(0)\` in Java, \`writeconcern.Unacknowledged()\` / \`writeconcern.W(0)\` /
\`writeconcern.WriteConcern{W: 0}\` in Go, and connection strings with \`w=0\`.

**Why it matters in production.** With \`w: 0\` the driver sends the write and moves on: it never learns that the
insert hit a duplicate key, failed validation, or was lost because the primary stepped down. The application reports
success for data that does not exist, and nothing in logs or metrics says otherwise.

**How to fix.** Keep the default (\`w: "majority"\` since MongoDB 5.0) or set it explicitly; for bulk loads where
throughput matters, use unordered bulk writes with acknowledgement instead of turning it off:

\`\`\`ts
await events.insertMany(batch, { ordered: false, writeConcern: { w: 'majority' } });
\`\`\`

**Links.** [MongoDB write concern](https://www.mongodb.com/docs/manual/reference/write-concern/),
[Default write concern (5.0+)](https://www.mongodb.com/docs/manual/reference/mongodb-defaults/#default-write-concern).
`,
});
