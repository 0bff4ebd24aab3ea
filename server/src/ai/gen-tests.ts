// The offline test generator: cases from the signature and guards (cases.ts), written in the project's framework,
// into the conventional test file, added to an existing file without disturbing what is there.
import * as path from 'node:path';
import type { LanguageId } from '../engine/languages';
import { t } from '../l10n';
import { deriveCases, isPlaceholder, validArgs, type TestCase, type Value } from './cases';
import type { FunctionInfo, Param } from './extract';
import { isEsm, type Framework } from './project';
import type { Receiver } from './receiver';

/** A test file to write: imports it needs, the test code, and how a new file wraps it. */
export interface TestPlan {
  framework: Framework;
  imports: string[];
  code: string;
  /** The whole file when it does not exist yet. */
  newFile: (imports: string[], code: string) => string;
}

/** Why a function cannot get offline tests (a message for the user), or undefined when it can. */
export function cannotTest(f: FunctionInfo, language: LanguageId, receiver: Receiver | string): string | undefined {
  if (!f.name) return t('this function has no name to call from a test');
  if (f.name === 'main' && !f.params.length) return t('main is the program\'s entry point (it reads arguments and exits): test the functions it calls');
  // A fresh object's parameterless method without checks depends only on state a new object may not have (an empty
  // stack's pop): no call is certain to succeed.
  if (typeof receiver !== 'string' && (receiver.kind === 'instance' || receiver.kind === 'go') && !f.params.length && !f.guards.length) return t('{0} takes no arguments and checks nothing, so what it does depends on the object\'s state: use the AI variant', `${f.className ?? (receiver.kind === 'go' ? receiver.typeName : '')}.${f.name}`);
  const owner = f.className ?? f.name;
  if ((language === 'typescript' || language === 'tsx' || language === 'javascript') && !f.exported) return t('{0} is not exported, so a test file cannot import it: export it first', owner);
  return typeof receiver === 'string' ? receiver : undefined;
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

/** Where the tests go and what they call: everything a per-language plan needs besides the function. */
export interface PlanContext {
  language: LanguageId;
  framework: Framework;
  sourcePath: string;
  sourceText: string;
  /** The current test file text ('' when new). */
  existing: string;
  testPath: string;
  receiver: Receiver;
  /** Python: the module the test imports (`shop.pricing`), from the project layout. */
  pyModule?: string;
}

/**
 * The cases to write, and the parameters the generator could not build a value for. An object built from placeholder
 * constructor arguments (an undefined dependency) keeps only the certain failures: a call claimed to succeed could
 * still trip over the missing dependency.
 */
export function casesFor(f: FunctionInfo, r: Receiver): { cases: TestCase[]; unbuilt: string[] } {
  const valid = validArgs(f);
  const own = f.params.filter((p, i) => isPlaceholder(valid[i] ?? { kind: 'default' }, p, f)).map((p) => p.name);
  const ctor = r.kind === 'instance' ? { ...r.ctor, name: r.className } : r.kind === 'go' && r.factory ? r.factory : undefined;
  const deps = (ctor?.params ?? []).filter((p, i) => isPlaceholder(ctor?.args[i] ?? { kind: 'default' }, p, f)).map((p) => `${ctor?.name ?? ''}(${p.name})`);
  const all = deriveCases(f);
  const cases = deps.length ? all.filter((c) => c.fails) : all;
  return { cases, unbuilt: [...own, ...deps] };
}

/** Generate the tests of `f`. */
export function planTests(f: FunctionInfo, ctx: PlanContext): TestPlan {
  const { cases } = casesFor(f, ctx.receiver);
  if (ctx.language === 'go') return goPlan(f, cases, ctx);
  if (ctx.language === 'python') return pythonPlan(f, cases, ctx);
  if (ctx.language === 'java') return javaPlan(f, cases, ctx);
  return jsPlan(f, cases, ctx);
}

/** A variable name for the object under test: `cartService` / `cart_service`, else `subject`. */
function objectName(className: string, snake: boolean, avoid: readonly string[]): string {
  const simple = className.split('.').pop() ?? className;
  const n = snake ? simple.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() : simple[0]!.toLowerCase() + simple.slice(1);
  return n === simple || !/^[A-Za-z_]\w*$/.test(n) || avoid.includes(n) || /^(self|assert|pytest|unittest|asyncio|expect|describe|it|new|default|class|function|var|let|const)$/.test(n) ? 'subject' : n;
}

// ---- TypeScript / JavaScript

function jsValue(v: Value, p: Param, ts: boolean, typeRef: string): string {
  if (v.kind === 'number') return String(v.v);
  if (v.kind === 'string') return `'${v.v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (v.kind === 'bool') return String(v.v);
  if (/\[\]$|^(Readonly)?Array<|^readonly .*\[\]$/.test(p.type) && v.kind === 'default') return '[]';
  const raw = v.kind === 'null' ? 'null' : 'undefined';
  // The parameter's type by reference, so types the source does not export still type-check.
  return ts && p.type ? `${raw} as unknown as ${typeRef}` : raw;
}

function jsPlan(f: FunctionInfo, cases: TestCase[], ctx: PlanContext): TestPlan {
  const { framework: fw, language, sourcePath, testPath, receiver: r } = ctx;
  const ts = language !== 'javascript';
  const esm = ts || isEsm(sourcePath);
  let rel = path.relative(path.dirname(testPath), sourcePath).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  // TypeScript and CommonJS import without the extension; ESM JavaScript needs it.
  const spec = !ts && esm ? rel : rel.replace(/\.[cm]?[jt]sx?$/, '');
  const name = r.kind === 'function' || r.kind === 'go' ? f.name : r.className;
  const obj = r.kind === 'instance' ? objectName(r.className, false, [name]) : '';
  // How a case calls the function, and how a placeholder argument names its type (so unexported types still check).
  const callee = r.kind === 'static' ? `${name}.${f.name}` : r.kind === 'constructor' ? `new ${name}` : r.kind === 'instance' ? `${obj}.${f.name}` : f.name;
  const typeRef = (i: number): string => (r.kind === 'constructor' ? `ConstructorParameters<typeof ${name}>[${i}]` : `Parameters<typeof ${callee}>[${i}]`);
  const setup = r.kind === 'instance' ? `const ${obj} = new ${name}(${r.ctor.args.map((v, i) => jsValue(v, r.ctor.params[i] ?? { name: '', type: '' }, ts, `ConstructorParameters<typeof ${name}>[${i}]`)).join(', ')});\n    ` : '';
  const label = r.kind === 'constructor' ? `new ${name}()` : r.kind === 'instance' ? `${name}.prototype.${f.name}` : callee;
  const expectStyle = fw === 'vitest' || fw === 'jest';
  const imports: string[] = [];
  const imp = (names: string, from: string): string => (esm ? `import ${names} from '${from}';` : `const ${names.replace(/ as /g, ': ')} = require('${from}');`);
  if (fw === 'vitest') imports.push(imp('{ describe, expect, it }', 'vitest'));
  if (fw === 'node-test') imports.push(imp('{ describe, it }', 'node:test'));
  if (!expectStyle) imports.push(esm ? "import { strict as assert } from 'node:assert';" : "const assert = require('node:assert/strict');");
  imports.push(imp(f.defaultExport ? name : `{ ${name} }`, spec));
  const body = cases.map((c) => {
    const call = `${callee}(${c.args.map((v, i) => jsValue(v, f.params[i] ?? { name: '', type: '' }, ts, typeRef(i))).join(', ')})`;
    let stmt: string;
    if (c.fails) stmt = f.async ? (expectStyle ? `await expect(${call}).rejects.toThrow();` : `await assert.rejects(${call});`) : expectStyle ? `expect(() => ${call}).toThrow();` : `assert.throws(() => ${call});`;
    else stmt = f.async ? `await ${call};` : expectStyle ? `expect(() => ${call}).not.toThrow();` : `assert.doesNotThrow(() => ${call});`;
    return `  it(${JSON.stringify(c.name)}, ${f.async ? 'async ' : ''}() => {\n    ${setup}${stmt}\n  });`;
  }).join('\n');
  const code = `describe(${JSON.stringify(`${label} (generated by genai4dfx from its signature and guards)`)}, () => {\n${body}\n});\n`;
  return { framework: fw, imports, code, newFile: (i, c) => `${i.join('\n')}\n\n${c}` };
}

// ---- Python

function pyValue(v: Value, p: Param): string {
  const value = ((): string => {
    if (v.kind === 'number') return /float/.test(p.type) && Number.isInteger(v.v) ? `${v.v}.0` : String(v.v);
    if (v.kind === 'string') return JSON.stringify(v.v);
    if (v.kind === 'bool') return v.v ? 'True' : 'False';
    if (v.kind === 'default' && /^(list|List|Sequence|Iterable|Collection)\b/.test(p.type)) return '[]';
    if (v.kind === 'default' && /^(dict|Dict|Mapping)\b/.test(p.type)) return '{}';
    if (v.kind === 'default' && /^(set|Set|frozenset)\b/.test(p.type)) return 'set()';
    if (v.kind === 'default' && /^(tuple|Tuple)\b/.test(p.type)) return '()';
    return 'None';
  })();
  return p.keyword ? `${p.name}=${value}` : value;
}

function pythonPlan(f: FunctionInfo, cases: TestCase[], ctx: PlanContext): TestPlan {
  const { framework: fw, sourcePath, existing, receiver: r } = ctx;
  const module = ctx.pyModule ?? path.basename(sourcePath, '.py');
  const target = r.kind === 'function' || r.kind === 'go' ? f.name : r.className;
  const obj = r.kind === 'instance' ? objectName(r.className, true, [target]) : '';
  const callee = r.kind === 'static' ? `${target}.${f.name}` : r.kind === 'constructor' ? target : r.kind === 'instance' ? `${obj}.${f.name}` : f.name;
  const imports = [`from ${module} import ${target}`];
  if (fw === 'pytest') imports.unshift('import pytest');
  else imports.unshift('import unittest');
  if (f.async) imports.unshift('import asyncio');
  const indent = fw === 'unittest' ? '    ' : '';
  const setup = r.kind === 'instance' ? `${obj} = ${target}(${r.ctor.args.map((v, i) => pyValue(v, r.ctor.params[i] ?? { name: '', type: '' })).join(', ')})\n${indent}    ` : '';
  const names = new Set<string>();
  const fns = cases.map((c) => {
    let call = `${callee}(${c.args.map((v, i) => pyValue(v, f.params[i] ?? { name: '', type: '' })).join(', ')})`;
    if (f.async) call = `asyncio.run(${call})`;
    const prefix = r.kind === 'instance' || r.kind === 'static' || r.kind === 'constructor' ? `${ident(target, false)}_` : '';
    let n = unique(`test_${prefix}${ident(f.name === '__init__' ? 'init' : f.name, false)}_${ident(c.name.replace(/\(.*\)$/, ''), false)}`, existing);
    while (names.has(n)) n += '_';
    names.add(n);
    const self = fw === 'unittest' ? 'self' : '';
    const raises = fw === 'unittest' ? 'self.assertRaises(Exception)' : 'pytest.raises(Exception)';
    const stmt = c.fails ? `with ${raises}:\n${indent}        ${call}` : call;
    return `${indent}def ${n}(${self}):\n${indent}    """${c.name.replace(/"/g, "'")}"""\n${indent}    ${setup}${stmt}\n`;
  });
  const label = r.kind === 'function' || r.kind === 'go' ? f.name : `${target}.${f.name}`;
  const code = fw === 'unittest'
    ? `class ${unique(`Test${`${prefixed(r, target)}${f.name === '__init__' ? 'Init' : f.name}`.replace(/(^|_)(\w)/g, (_m, _u: string, ch: string) => ch.toUpperCase())}`, existing)}(unittest.TestCase):\n    """Generated by genai4dfx from the signature and guards of ${label}."""\n\n${fns.join('\n')}`
    : fns.join('\n\n');
  return { framework: fw, imports, code, newFile: (i, c) => `${i.join('\n')}\n\n\n${c}` };
}

function prefixed(r: Receiver, target: string): string {
  return r.kind === 'function' || r.kind === 'go' ? '' : `${target}_`;
}

// ---- Java

function javaValue(v: Value, p: Param, typeParams: readonly string[]): string {
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
  // Empty collections: real input, where a null would only test the null check.
  if (v.kind === 'default') {
    if (/^(List|Collection|Iterable)\b/.test(t)) return 'java.util.List.of()';
    if (/^Set\b/.test(t)) return 'java.util.Set.of()';
    if (/^Map\b/.test(t)) return 'java.util.Map.of()';
    if (/^ArrayList\b/.test(t)) return 'new java.util.ArrayList<>()';
    if (/^HashMap\b/.test(t)) return 'new java.util.HashMap<>()';
    const arr = /^([\w.]+)((?:\[\])+)$/.exec(t);
    if (arr && !typeParams.includes(arr[1] ?? '')) return `new ${arr[1]}[0]${(arr[2] ?? '').slice(2)}`;
  }
  // A type variable cannot be named outside its declaration: a bare null converts to it.
  if (typeParams.some((tp) => new RegExp(`\\b${tp}\\b`).test(t)) || t.endsWith('...')) return 'null';
  return `(${t}) null`;
}

function javaPlan(f: FunctionInfo, cases: TestCase[], ctx: PlanContext): TestPlan {
  const { sourceText, existing, receiver: r, testPath } = ctx;
  const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(sourceText)?.[1];
  const cls = r.kind === 'function' || r.kind === 'go' ? (f.className ?? 'Main') : r.className;
  const testClass = path.basename(testPath, '.java');
  const methodTypeParams = (f.node.childForFieldName('type_parameters')?.namedChildren ?? []).map((p) => p?.namedChildren[0]?.text ?? '').filter(Boolean);
  const typeParams = [...(r.kind === 'instance' ? r.typeParams : []), ...methodTypeParams, ...(r.kind === 'constructor' && r.generic ? (f.classNode?.childForFieldName('type_parameters')?.namedChildren ?? []).map((p) => p?.namedChildren[0]?.text ?? '') : [])];
  const obj = r.kind === 'instance' ? objectName(cls, false, [cls]) : '';
  const diamond = (g: boolean): string => (g ? '<>' : '');
  const callee = r.kind === 'static' ? `${cls}.${f.name}` : r.kind === 'constructor' ? `new ${cls}${diamond(r.generic)}` : r.kind === 'instance' ? `${obj}.${f.name}` : f.isStatic ? `${cls}.${f.name}` : `new ${cls}().${f.name}`;
  let setup = '';
  if (r.kind === 'instance') {
    setup = r.enumConstant
      ? `${cls} ${obj} = ${cls}.${r.enumConstant};\n        `
      : `${r.generic ? 'var' : cls} ${obj} = new ${cls}${diamond(r.generic)}(${r.ctor.args.map((v, i) => javaValue(v, r.ctor.params[i] ?? { name: '', type: '' }, r.typeParams)).join(', ')});\n        `;
  }
  const throwsClause = r.kind === 'instance' && r.ctor.throws ? ' throws Exception' : '';
  const imports = [
    'import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;',
    'import static org.junit.jupiter.api.Assertions.assertThrows;',
    'import org.junit.jupiter.api.DisplayName;',
    'import org.junit.jupiter.api.Test;',
  ];
  const names = new Set<string>();
  const methods = cases.map((c) => {
    const call = `${callee}(${c.args.map((v, i) => javaValue(v, f.params[i] ?? { name: '', type: '' }, typeParams)).join(', ')})`;
    let n = unique(ident(`${r.kind === 'constructor' ? `new ${cls.split('.').pop() ?? cls}` : f.name} ${c.name.replace(/\(.*\)$/, '')}`, true), existing);
    while (names.has(n)) n += '_';
    names.add(n);
    const stmt = c.fails ? `assertThrows(Exception.class, () -> ${call});` : `assertDoesNotThrow(() -> ${call});`;
    return `    @Test\n    @DisplayName(${JSON.stringify(c.name)})\n    void ${n}()${throwsClause} {\n        ${setup}${stmt}\n    }\n`;
  });
  const code = methods.join('\n');
  return {
    framework: 'junit5',
    imports,
    code,
    newFile: (i, c) => `${pkg ? `package ${pkg};\n\n` : ''}${i.join('\n')}\n\n/** Generated by genai4dfx from the signatures and guards of ${cls}. */\nclass ${testClass} {\n${c}}\n`,
  };
}

// ---- Go

function goValue(v: Value, p: Param): string {
  if (v.kind === 'number') return String(v.v);
  if (v.kind === 'string') return JSON.stringify(v.v);
  if (v.kind === 'bool') return String(v.v);
  if (v.kind === 'null') return 'nil';
  const t = p.type.replace(/^\.\.\./, '[]');
  // An empty map, not a nil one (writing to nil panics); other types take their zero value.
  return t.startsWith('map[') ? `${t}{}` : `*new(${t})`;
}

function goResults(f: FunctionInfo): number {
  const r = f.node.childForFieldName('result');
  if (!r) return 0;
  if (r.type !== 'parameter_list') return 1;
  return r.namedChildren.reduce((n, c) => n + Math.max(1, c?.childrenForFieldName('name').length ?? 1), 0);
}

function goPlan(f: FunctionInfo, cases: TestCase[], ctx: PlanContext): TestPlan {
  const { sourceText, existing, receiver: r } = ctx;
  const pkg = /^\s*package\s+(\w+)/m.exec(sourceText)?.[1] ?? 'main';
  const fields = f.params.map((p) => ({ name: /^(name|want|wantErr|tt|t)$/.test(p.name) ? `${p.name}Arg` : p.name, type: p.type.replace(/^\.\.\./, '[]'), variadic: p.type.startsWith('...') }));
  const width = Math.max(7, ...fields.map((x) => x.name.length));
  const pad = (s: string): string => s.padEnd(width);
  const results = goResults(f);
  const args = fields.map((x) => `tt.${x.name}${x.variadic ? '...' : ''}`).join(', ');
  const method = r.kind === 'go';
  const call = `${method ? `${r.varName}.` : ''}${f.name}(${args})`;
  const shown = method ? `${r.typeName}.${f.name}` : f.name;
  // The receiver, fresh for every case (methods may change it): the package's NewT, else the type's zero value.
  let setup = '';
  let errDeclared = false;
  if (r.kind === 'go') {
    if (r.factory) {
      const fargs = r.factory.args.map((v, i) => goValue(v, r.factory!.params[i] ?? { name: '', type: '' })).join(', ');
      if (r.factory.returnsError) {
        setup = `\t\t\t${r.varName}, err := ${r.factory.name}(${fargs})\n\t\t\tif err != nil {\n\t\t\t\tt.Fatalf("${r.factory.name}() error = %v", err)\n\t\t\t}\n`;
        errDeclared = true;
      } else setup = `\t\t\t${r.varName} := ${r.factory.name}(${fargs})\n`;
    } else {
      const zero = r.composite ? `${r.pointer ? '&' : ''}${r.typeName}{}` : `${r.pointer ? '' : '*'}new(${r.typeName})`;
      setup = `\t\t\t${r.varName} := ${zero}\n`;
    }
  }
  let check: string;
  if (f.returnsError) {
    const lhs = [...Array(results - 1).fill('_'), 'err'].join(', ');
    check = `\t\t\t${lhs} ${errDeclared ? '=' : ':='} ${call}\n\t\t\tif (err != nil) != tt.wantErr {\n\t\t\t\tt.Fatalf("${shown}() error = %v, wantErr %v", err, tt.wantErr)\n\t\t\t}`;
  } else {
    check = results ? `\t\t\t${Array(results).fill('_').join(', ')} = ${call}` : `\t\t\t${call}`;
  }
  const rows = cases.filter((c) => f.returnsError || !c.fails).map((c) => {
    const vals = fields.map((x, i) => `${x.name}: ${goValue(c.args[i] ?? { kind: 'default' }, f.params[i] ?? { name: '', type: x.type })}`);
    return `\t\t{name: ${JSON.stringify(c.name)}${vals.length ? `, ${vals.join(', ')}` : ''}${f.returnsError ? `, wantErr: ${c.fails}` : ''}},`;
  });
  const upper = (s: string): string => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`;
  const test = unique(method ? `Test${upper(r.typeName)}_${upper(f.name)}` : `Test${upper(f.name)}`, existing);
  const struct = [`\t\t${pad('name')} string`, ...fields.map((x) => `\t\t${pad(x.name)} ${x.type}`), ...(f.returnsError ? [`\t\t${pad('wantErr')} bool`] : [])].join('\n');
  const code = `// ${test} was generated by genai4dfx from the signature and guards of ${shown}.\nfunc ${test}(t *testing.T) {\n\ttests := []struct {\n${struct}\n\t}{\n${rows.join('\n')}\n\t}\n\tfor _, tt := range tests {\n\t\tt.Run(tt.name, func(t *testing.T) {\n${setup}${check}\n\t\t})\n\t}\n}\n`;
  return { framework: 'go-test', imports: ['"testing"'], code, newFile: (i, c) => `package ${pkg}\n\nimport ${i.length === 1 ? i[0] : `(\n\t${i.join('\n\t')}\n)`}\n\n${c}` };
}
