// The offline test generator: cases from the signature and guards (cases.ts), written in the project's framework,
// into the conventional test file, added to an existing file without disturbing what is there.
import * as path from 'node:path';
import type { LanguageId } from '../engine/languages';
import { deriveCases, type TestCase, type Value } from './cases';
import type { FunctionInfo, Param } from './extract';
import { isEsm, type Framework } from './project';

/** A test file to write: imports it needs, the test code, and how a new file wraps it. */
export interface TestPlan {
  framework: Framework;
  imports: string[];
  code: string;
  /** The whole file when it does not exist yet. */
  newFile: (imports: string[], code: string) => string;
}

/** Why a function cannot get offline tests (a message for the user), or undefined when it can. */
export function cannotTest(f: FunctionInfo, language: LanguageId, text: string): string | undefined {
  if (!f.name) return 'this function has no name to call from a test';
  if ((language === 'typescript' || language === 'tsx' || language === 'javascript') && !f.exported) return `${f.name} is not exported, so a test file cannot import it: export it first`;
  if (language === 'go' && f.node.type === 'method_declaration') return 'offline tests for Go methods need a receiver value; use the AI variant, or test a function';
  if (f.className && !f.isStatic && language === 'java' && /\b(?:public|protected|private)?\s*\w+\s*\([^)]+\)\s*\{/.test(constructorsOf(text, f.className))) return `${f.className} has no no-argument constructor: use the AI variant`;
  if ((language === 'typescript' || language === 'tsx' || language === 'javascript') && f.className && !f.isStatic) return 'offline tests cover functions and static methods; use the AI variant for instance methods';
  return undefined;
}

function constructorsOf(text: string, cls: string): string {
  return [...text.matchAll(new RegExp(`\\b${cls}\\s*\\(([^)]*)\\)\\s*(?:throws[^{]*)?\\{`, 'g'))].filter((m) => (m[1] ?? '').trim()).map((m) => m[0]).join('\n');
}

/** Unique identifier in `existing`, appending 2, 3, ... */
function unique(base: string, existing: string): string {
  let name = base;
  for (let i = 2; new RegExp(`\\b${name}\\b`).test(existing); i++) name = `${base}${i}`;
  return name;
}

const ident = (s: string, camel: boolean): string => {
  const words = s.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean).slice(0, 8);
  return camel ? words.map((w, i) => (i ? w[0]?.toUpperCase() + w.slice(1) : w.toLowerCase())).join('') : words.join('_').toLowerCase();
};

/** Generate the tests of `f` for `framework`; `existing` is the current test file text ('' when new). */
export function planTests(f: FunctionInfo, language: LanguageId, framework: Framework, sourcePath: string, sourceText: string, existing: string, testPath: string): TestPlan {
  const cases = deriveCases(f);
  if (language === 'go') return goPlan(f, cases, sourceText, existing);
  if (language === 'python') return pythonPlan(f, cases, framework, sourcePath, existing);
  if (language === 'java') return javaPlan(f, cases, sourceText, existing);
  return jsPlan(f, cases, framework, language, sourcePath, testPath);
}

// ---- TypeScript / JavaScript

function jsValue(v: Value, p: Param, ts: boolean, typeRef: string): string {
  if (v.kind === 'number') return String(v.v);
  if (v.kind === 'string') return `'${v.v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (v.kind === 'bool') return String(v.v);
  if (/\[\]$|^Array</.test(p.type)) return '[]';
  const raw = v.kind === 'null' ? 'null' : 'undefined';
  // The parameter's type by reference, so types the source does not export still type-check.
  return ts && p.type ? `${raw} as unknown as ${typeRef}` : raw;
}

function jsPlan(f: FunctionInfo, cases: TestCase[], fw: Framework, language: LanguageId, sourcePath: string, testPath: string): TestPlan {
  const ts = language !== 'javascript';
  const esm = ts || isEsm(sourcePath);
  let rel = path.relative(path.dirname(testPath), sourcePath).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  // TypeScript and CommonJS import without the extension; ESM JavaScript needs it.
  const spec = !ts && esm ? rel : rel.replace(/\.[cm]?[jt]sx?$/, '');
  const name = f.className ?? f.name;
  const callee = f.className ? `${f.className}.${f.name}` : f.name;
  const expectStyle = fw === 'vitest' || fw === 'jest';
  const imports: string[] = [];
  const imp = (names: string, from: string): string => (esm ? `import ${names} from '${from}';` : `const ${names.replace(/ as /g, ': ')} = require('${from}');`);
  if (fw === 'vitest') imports.push(imp('{ describe, expect, it }', 'vitest'));
  if (fw === 'node-test') imports.push(imp('{ describe, it }', 'node:test'));
  if (!expectStyle) imports.push(esm ? "import { strict as assert } from 'node:assert';" : "const assert = require('node:assert/strict');");
  imports.push(imp(`{ ${name} }`, spec));
  const body = cases.map((c) => {
    const call = `${callee}(${c.args.map((v, i) => jsValue(v, f.params[i] ?? { name: '', type: '' }, ts, `Parameters<typeof ${callee}>[${i}]`)).join(', ')})`;
    let stmt: string;
    if (c.fails) stmt = f.async ? (expectStyle ? `await expect(${call}).rejects.toThrow();` : `await assert.rejects(${call});`) : expectStyle ? `expect(() => ${call}).toThrow();` : `assert.throws(() => ${call});`;
    else stmt = f.async ? `await ${call};` : expectStyle ? `expect(() => ${call}).not.toThrow();` : `assert.doesNotThrow(() => ${call});`;
    return `  it(${JSON.stringify(c.name)}, ${f.async ? 'async ' : ''}() => {\n    ${stmt}\n  });`;
  }).join('\n');
  const code = `describe(${JSON.stringify(`${callee} (generated by genai4dfx from its signature and guards)`)}, () => {\n${body}\n});\n`;
  return { framework: fw, imports, code, newFile: (i, c) => `${i.join('\n')}\n\n${c}` };
}

// ---- Python

function pyValue(v: Value, p: Param): string {
  if (v.kind === 'number') return /float/.test(p.type) && Number.isInteger(v.v) ? `${v.v}.0` : String(v.v);
  if (v.kind === 'string') return JSON.stringify(v.v);
  if (v.kind === 'bool') return v.v ? 'True' : 'False';
  if (/^(list|List)/.test(p.type)) return '[]';
  if (/^(dict|Dict)/.test(p.type)) return '{}';
  return 'None';
}

function pythonPlan(f: FunctionInfo, cases: TestCase[], fw: Framework, sourcePath: string, existing: string): TestPlan {
  const module = path.basename(sourcePath, '.py');
  const target = f.className ?? f.name;
  const callee = f.className ? (f.isStatic || /@(static|class)method/.test(f.node.parent?.text.split('\n')[0] ?? '') ? `${f.className}.${f.name}` : `${f.className}().${f.name}`) : f.name;
  const imports = [`from ${module} import ${target}`];
  if (fw === 'pytest') imports.unshift('import pytest');
  else imports.unshift('import unittest');
  if (f.async) imports.unshift('import asyncio');
  const indent = fw === 'unittest' ? '    ' : '';
  const names = new Set<string>();
  const fns = cases.map((c) => {
    let call = `${callee}(${c.args.map((v, i) => pyValue(v, f.params[i] ?? { name: '', type: '' })).join(', ')})`;
    if (f.async) call = `asyncio.run(${call})`;
    let n = unique(`test_${ident(f.name, false)}_${ident(c.name.replace(/\(.*\)$/, ''), false)}`, existing);
    while (names.has(n)) n += '_';
    names.add(n);
    const self = fw === 'unittest' ? 'self' : '';
    const raises = fw === 'unittest' ? 'self.assertRaises(Exception)' : 'pytest.raises(Exception)';
    const stmt = c.fails ? `with ${raises}:\n${indent}        ${call}` : call;
    return `${indent}def ${n}(${self}):\n${indent}    """${c.name.replace(/"/g, "'")}"""\n${indent}    ${stmt}\n`;
  });
  const code = fw === 'unittest'
    ? `class ${unique(`Test${f.name.replace(/(^|_)(\w)/g, (_m, _u: string, ch: string) => ch.toUpperCase())}`, existing)}(unittest.TestCase):\n    """Generated by genai4dfx from the signature and guards of ${f.name}."""\n\n${fns.join('\n')}`
    : fns.join('\n\n');
  return { framework: fw, imports, code, newFile: (i, c) => `${i.join('\n')}\n\n\n${c}` };
}

// ---- Java

function javaValue(v: Value, p: Param): string {
  const t = p.type;
  if (v.kind === 'number') {
    if (/^(long|Long)$/.test(t)) return `${v.v}L`;
    if (/^(double|Double)$/.test(t)) return Number.isInteger(v.v) ? `${v.v}.0` : String(v.v);
    if (/^(float|Float)$/.test(t)) return `${v.v}f`;
    if (/^(short|byte)$/.test(t)) return `(${t}) ${v.v}`;
    return String(v.v);
  }
  if (v.kind === 'string') return JSON.stringify(v.v);
  if (v.kind === 'bool') return String(v.v);
  if (t === 'char') return "'a'";
  if (/^(int|long|short|byte|double|float)$/.test(t)) return '0';
  if (t === 'boolean') return 'false';
  return `(${t}) null`;
}

function javaPlan(f: FunctionInfo, cases: TestCase[], sourceText: string, existing: string): TestPlan {
  const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(sourceText)?.[1];
  const cls = f.className ?? 'Main';
  const callee = f.isStatic ? `${cls}.${f.name}` : `new ${cls}().${f.name}`;
  const imports = [
    'import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;',
    'import static org.junit.jupiter.api.Assertions.assertThrows;',
    'import org.junit.jupiter.api.DisplayName;',
    'import org.junit.jupiter.api.Test;',
  ];
  const names = new Set<string>();
  const methods = cases.map((c) => {
    const call = `${callee}(${c.args.map((v, i) => javaValue(v, f.params[i] ?? { name: '', type: '' })).join(', ')})`;
    let n = unique(ident(`${f.name} ${c.name.replace(/\(.*\)$/, '')}`, true), existing);
    while (names.has(n)) n += '_';
    names.add(n);
    const stmt = c.fails ? `assertThrows(Exception.class, () -> ${call});` : `assertDoesNotThrow(() -> ${call});`;
    return `    @Test\n    @DisplayName(${JSON.stringify(c.name)})\n    void ${n}() {\n        ${stmt}\n    }\n`;
  });
  const code = methods.join('\n');
  return {
    framework: 'junit5',
    imports,
    code,
    newFile: (i, c) => `${pkg ? `package ${pkg};\n\n` : ''}${i.join('\n')}\n\n/** Generated by genai4dfx from the signatures and guards of ${cls}. */\nclass ${cls}Test {\n${c}}\n`,
  };
}

// ---- Go

function goValue(v: Value, p: Param): string {
  if (v.kind === 'number') return String(v.v);
  if (v.kind === 'string') return JSON.stringify(v.v);
  if (v.kind === 'bool') return String(v.v);
  if (v.kind === 'null') return 'nil';
  return `*new(${p.type.replace(/^\.\.\./, '[]')})`;
}

function goResults(f: FunctionInfo): number {
  const r = f.node.childForFieldName('result');
  if (!r) return 0;
  if (r.type !== 'parameter_list') return 1;
  return r.namedChildren.reduce((n, c) => n + Math.max(1, c?.childrenForFieldName('name').length ?? 1), 0);
}

function goPlan(f: FunctionInfo, cases: TestCase[], sourceText: string, existing: string): TestPlan {
  const pkg = /^\s*package\s+(\w+)/m.exec(sourceText)?.[1] ?? 'main';
  const fields = f.params.map((p) => ({ name: /^(name|want|wantErr|tt|t)$/.test(p.name) ? `${p.name}Arg` : p.name, type: p.type.replace(/^\.\.\./, '[]'), variadic: p.type.startsWith('...') }));
  const width = Math.max(7, ...fields.map((x) => x.name.length));
  const pad = (s: string): string => s.padEnd(width);
  const results = goResults(f);
  const args = fields.map((x) => `tt.${x.name}${x.variadic ? '...' : ''}`).join(', ');
  const call = `${f.name}(${args})`;
  let check: string;
  if (f.returnsError) {
    const lhs = [...Array(results - 1).fill('_'), 'err'].join(', ');
    check = `\t\t\t${lhs} := ${call}\n\t\t\tif (err != nil) != tt.wantErr {\n\t\t\t\tt.Fatalf("${f.name}() error = %v, wantErr %v", err, tt.wantErr)\n\t\t\t}`;
  } else {
    check = results ? `\t\t\t${Array(results).fill('_').join(', ')} = ${call}` : `\t\t\t${call}`;
  }
  const rows = cases.filter((c) => f.returnsError || !c.fails).map((c) => {
    const vals = fields.map((x, i) => `${x.name}: ${goValue(c.args[i] ?? { kind: 'default' }, f.params[i] ?? { name: '', type: x.type })}`);
    return `\t\t{name: ${JSON.stringify(c.name)}${vals.length ? `, ${vals.join(', ')}` : ''}${f.returnsError ? `, wantErr: ${c.fails}` : ''}},`;
  });
  const test = unique(`Test${f.name[0]?.toUpperCase()}${f.name.slice(1)}`, existing);
  const struct = [`\t\t${pad('name')} string`, ...fields.map((x) => `\t\t${pad(x.name)} ${x.type}`), ...(f.returnsError ? [`\t\t${pad('wantErr')} bool`] : [])].join('\n');
  const code = `// ${test} was generated by genai4dfx from the signature and guards of ${f.name}.\nfunc ${test}(t *testing.T) {\n\ttests := []struct {\n${struct}\n\t}{\n${rows.join('\n')}\n\t}\n\tfor _, tt := range tests {\n\t\tt.Run(tt.name, func(t *testing.T) {\n${check}\n\t\t})\n\t}\n}\n`;
  return { framework: 'go-test', imports: ['"testing"'], code, newFile: (i, c) => `package ${pkg}\n\nimport ${i.length === 1 ? i[0] : `(\n\t${i.join('\n\t')}\n)`}\n\n${c}` };
}
