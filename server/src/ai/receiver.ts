// How a generated test reaches the function under the cursor: a free function is called directly; a static method
// through its class; an instance method on a fresh object built from the class's constructor with valid placeholder
// arguments (derived from the constructor's own guards); a Go method on a value from the package's NewT factory or
// the receiver type's zero value. A method a test cannot reach (private, abstract, an accessor) gets a reason instead.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../engine/languages';
import { t } from '../l10n';
import { validArgs, type Value } from './cases';
import { classNameOf, describeFunction, type FunctionInfo, type Param } from './extract';

/** A constructor a test calls: its parameters, valid arguments for them, and its signature (for prompts). */
export interface Ctor {
  params: Param[];
  args: Value[];
  /** Java: it declares checked exceptions, so the test method must declare `throws Exception`. */
  throws: boolean;
  /** The constructor as written, up to its body ('' when the class has none of its own). */
  signature: string;
}

/** Go: a `NewT(...)` function returning the receiver type (optionally with an error). */
export interface GoFactory {
  name: string;
  /** `func NewLedger(limit int) (*Ledger, error)`, for prompts. */
  signature: string;
  params: Param[];
  args: Value[];
  returnsError: boolean;
}

/** How a test reaches the function. */
export type Receiver =
  | { kind: 'function' }
  | { kind: 'static'; className: string }
  /** The cursor is on a constructor: the cases call it (`new Foo(...)`, `Foo(...)`). */
  | { kind: 'constructor'; className: string; generic: boolean }
  /** Build the object (`ctor`), or for a Java enum take its first constant, then call the method on it. */
  | { kind: 'instance'; className: string; ctor: Ctor; generic: boolean; enumConstant?: string; typeParams: string[] }
  /** Go: a receiver value from `factory`, else `&T{}`/`T{}` (composite types) or `new(T)`/`*new(T)`. */
  | { kind: 'go'; typeName: string; pointer: boolean; varName: string; factory?: GoFactory; composite: boolean };

const NO_CTOR: Ctor = { params: [], args: [], throws: false, signature: '' };

function signatureOf(n: Node): string {
  const body = n.childForFieldName('body');
  return (body ? n.text.slice(0, body.startIndex - n.startIndex) : n.text).replace(/\s+/g, ' ').replace(/[\s:]+$/, '').trim();
}

function ctorOf(n: Node, language: LanguageId, throws = false): Ctor {
  const d = describeFunction(n, language);
  return { params: d.params, args: validArgs(d), throws, signature: signatureOf(n) };
}

/** A class declared at the top level of the same file, by name (to find an inherited constructor). */
function classNamed(root: Node, name: string): Node | undefined {
  for (const n of root.descendantsOfType(['class_declaration', 'abstract_class_declaration', 'class_definition'])) if (n && classNameOf(n) === name) return n;
  return undefined;
}

/** How a test reaches `f` in `language`; a string is why the offline generator cannot (a message for the user). */
export function receiverOf(f: FunctionInfo, language: LanguageId, sourcePath: string): Receiver | string {
  if (language === 'go') return f.node.type === 'method_declaration' ? goReceiver(f, sourcePath) : { kind: 'function' };
  if (!f.classNode) {
    // A function defined inside another one is local to it: nothing outside can import or call it.
    for (let n = f.node.parent; n; n = n.parent) if (/^(function_definition|function_declaration|method_definition|method_declaration|constructor_declaration|arrow_function|function_expression)$/.test(n.type)) return t('{0} is defined inside {1}: a test cannot reach it; test {1} instead', f.name, n.childForFieldName('name')?.text ?? t('another function'));
    return { kind: 'function' };
  }
  // A class declared inside a function is local to it too.
  for (let n = f.classNode.parent; n; n = n.parent) if (/^(function_definition|function_declaration|method_definition|method_declaration|constructor_declaration|arrow_function|function_expression)$/.test(n.type)) return t('{0} is defined inside {1}: a test cannot reach it; test {1} instead', f.className ?? '', n.childForFieldName('name')?.text ?? t('another function'));
  if (language === 'python') return pythonReceiver(f, f.classNode);
  if (language === 'java') return javaReceiver(f, f.classNode);
  return jsReceiver(f, f.classNode, language);
}

// ---- TypeScript / JavaScript

function jsReceiver(f: FunctionInfo, cls: Node, language: LanguageId): Receiver | string {
  const name = f.className ?? '';
  if (!name) return t('this class has no name a test can import');
  const member = f.node.parent && /field_definition$/.test(f.node.parent.type) ? f.node.parent : f.node;
  const access = member.children.find((c) => c?.type === 'accessibility_modifier')?.text;
  if (access === 'private' || access === 'protected' || f.name.startsWith('#')) return t('{0} is {1}: a test cannot call it; test it through the public methods that use it', `${name}.${f.name}`, access ?? 'private');
  if (member.children.some((c) => c?.type === 'get' || c?.type === 'set')) return t('{0} is an accessor: offline tests cover methods; use the AI variant', `${name}.${f.name}`);
  if (f.isStatic || cls.type === 'object') return { kind: 'static', className: name };
  const generic = !!cls.childForFieldName('type_parameters');
  const typeParams: string[] = [];
  if (cls.type === 'abstract_class_declaration') return t('{0} is abstract, so a test cannot construct it: test the method through a subclass, or use the AI variant', name);
  if (f.name === 'constructor') return { kind: 'constructor', className: name, generic };
  // The class's own constructor, else the nearest inherited one declared in this file.
  let c: Node | undefined = cls;
  for (let depth = 0; c && depth < 4; depth++) {
    const ctor = c.childForFieldName('body')?.namedChildren.find((m) => m?.type === 'method_definition' && m.childForFieldName('name')?.text === 'constructor');
    if (ctor) {
      const a = ctor.children.find((x) => x?.type === 'accessibility_modifier')?.text;
      if (a === 'private' || a === 'protected') return t("{0}'s constructor is {1}: offline tests cannot build one; use the AI variant", name, a);
      return { kind: 'instance', className: name, ctor: ctorOf(ctor, language), generic, typeParams };
    }
    const base: string | undefined = c.namedChildren.find((x) => x?.type === 'class_heritage')?.text.match(/extends\s+([\w$]+)/)?.[1];
    c = base ? classNamed(c.tree.rootNode, base) : undefined;
  }
  return { kind: 'instance', className: name, ctor: NO_CTOR, generic, typeParams };
}

// ---- Python

function decoratorsOf(fn: Node): string {
  return fn.parent?.type === 'decorated_definition' ? fn.parent.namedChildren.filter((c) => c?.type === 'decorator').map((c) => c?.text ?? '').join('\n') : '';
}

function bodyDefs(cls: Node): Node[] {
  const out: Node[] = [];
  for (const c of cls.childForFieldName('body')?.namedChildren ?? []) {
    if (c?.type === 'function_definition') out.push(c);
    else if (c?.type === 'decorated_definition') {
      const d = c.childForFieldName('definition');
      if (d?.type === 'function_definition') out.push(d);
    }
  }
  return out;
}

/** Required fields of a dataclass / attrs / NamedTuple / pydantic class: annotated, without a default (passed by keyword). */
function fieldParams(cls: Node): Param[] {
  const out: Param[] = [];
  for (const s of cls.childForFieldName('body')?.namedChildren ?? []) {
    const a = s?.type === 'expression_statement' ? s.namedChildren[0] : undefined;
    if (a?.type !== 'assignment' || a.childForFieldName('right') || !a.childForFieldName('type')) continue;
    const type = a.childForFieldName('type')?.text ?? '';
    if (/ClassVar|InitVar/.test(type)) continue;
    out.push({ name: a.childForFieldName('left')?.text ?? '', type, keyword: true });
  }
  return out.filter((p) => /^\w+$/.test(p.name));
}

function pythonReceiver(f: FunctionInfo, cls: Node): Receiver | string {
  const name = f.className ?? '';
  if (f.name.startsWith('__') && !f.name.endsWith('__')) return t('{0} is name-mangled (private): test it through the public methods that use it', `${name}.${f.name}`);
  if (/@(staticmethod|classmethod)\b/.test(decoratorsOf(f.node))) return { kind: 'static', className: name };
  if (/@(property|\w+\.setter)\b/.test(decoratorsOf(f.node))) return t('{0} is a property: offline tests cover methods; use the AI variant', `${name}.${f.name}`);
  if (f.name === '__init__') return { kind: 'constructor', className: name, generic: false };
  let c: Node | undefined = cls;
  for (let depth = 0; c && depth < 4; depth++) {
    const init = bodyDefs(c).find((d) => d.childForFieldName('name')?.text === '__init__');
    if (init) return { kind: 'instance', className: name, ctor: ctorOf(init, 'python'), generic: false, typeParams: [] };
    const bases: string[] = c.childForFieldName('superclasses')?.namedChildren.map((b) => b?.text ?? '') ?? [];
    const decorators = c.parent?.type === 'decorated_definition' ? c.parent.text.slice(0, c.startIndex - c.parent.startIndex) : '';
    if (/@(dataclasses\.)?dataclass\b|@attr(s)?\.(s|define|frozen)\b|@(define|frozen)\b/.test(decorators) || bases.some((b: string) => /^(NamedTuple|BaseModel|typing\.NamedTuple|pydantic\.BaseModel)$/.test(b))) {
      const params = fieldParams(c);
      const d: FunctionInfo = { ...f, params, guards: [], opaqueGuards: 0, boundaries: new Map() };
      return { kind: 'instance', className: name, ctor: { params, args: validArgs(d), throws: false, signature: `${classNameOf(c)}(${params.map((p) => `${p.name}: ${p.type}`).join(', ')})` }, generic: false, typeParams: [] };
    }
    const base: string | undefined = bases.find((b: string) => /^\w+$/.test(b) && b !== 'object');
    c = base ? classNamed(c.tree.rootNode, base) : undefined;
  }
  return { kind: 'instance', className: name, ctor: NO_CTOR, generic: false, typeParams: [] };
}

// ---- Java

/** `Outer.Inner` for a nested class; undefined when an enclosing class is an inner (non-static) class. */
function javaQualified(cls: Node): { name: string; inner: boolean } {
  const names = [classNameOf(cls)];
  let inner = false;
  for (let n: Node | null = cls.parent, self = cls; n; n = n.parent) {
    if (/^(class_declaration|record_declaration|enum_declaration|interface_declaration)$/.test(n.type)) {
      names.unshift(classNameOf(n));
      // A nested class (not a record, enum or interface, which are implicitly static) needs an outer instance.
      if (self.type === 'class_declaration' && n.type !== 'interface_declaration' && !/\bstatic\b/.test(self.children.find((c) => c?.type === 'modifiers')?.text ?? '')) inner = true;
      self = n;
    }
  }
  return { name: names.join('.'), inner };
}

function javaReceiver(f: FunctionInfo, cls: Node): Receiver | string {
  const { name, inner } = javaQualified(cls);
  const mods = f.node.children.find((c) => c?.type === 'modifiers')?.text ?? '';
  if (/\bprivate\b/.test(mods)) return t('{0} is {1}: a test cannot call it; test it through the public methods that use it', `${name}.${f.name}`, 'private');
  const classMods = cls.children.find((c) => c?.type === 'modifiers')?.text ?? '';
  const abstract = /\babstract\b/.test(classMods) || cls.type === 'interface_declaration';
  const typeParams = (cls.childForFieldName('type_parameters')?.namedChildren ?? []).map((p) => p?.namedChildren[0]?.text ?? p?.text ?? '').filter(Boolean);
  const generic = typeParams.length > 0;
  if (f.node.type === 'constructor_declaration') {
    if (abstract) return t('{0} is abstract, so a test cannot construct it: test the method through a subclass, or use the AI variant', name);
    if (inner) return t('{0} is an inner class (it needs an instance of its outer class): use the AI variant', name);
    return { kind: 'constructor', className: name, generic };
  }
  if (f.isStatic) return { kind: 'static', className: name };
  if (!f.node.childForFieldName('body')) return t('{0} is abstract: test it through an implementation', `${name}.${f.name}`);
  if (abstract) return cls.type === 'interface_declaration' ? t('{0} is an interface, so a test cannot construct it: test the method through an implementation, or use the AI variant', name) : t('{0} is abstract, so a test cannot construct it: test the method through a subclass, or use the AI variant', name);
  if (inner) return t('{0} is an inner class (it needs an instance of its outer class): use the AI variant', name);
  if (cls.type === 'enum_declaration') {
    const first = cls.childForFieldName('body')?.namedChildren.find((c) => c?.type === 'enum_constant')?.childForFieldName('name')?.text;
    return first ? { kind: 'instance', className: name, ctor: NO_CTOR, generic: false, enumConstant: first, typeParams } : t('{0} has no constants to call {1} on', name, f.name);
  }
  if (cls.type === 'record_declaration') {
    const list = cls.childForFieldName('parameters');
    const params = (list?.namedChildren ?? []).filter((p) => p?.type === 'formal_parameter').map((p) => ({ name: p?.childForFieldName('name')?.text ?? '', type: p?.childForFieldName('type')?.text ?? '' }));
    const d: FunctionInfo = { ...f, params, guards: [], opaqueGuards: 0, boundaries: new Map() };
    return { kind: 'instance', className: name, ctor: { params, args: validArgs(d), throws: false, signature: `record ${classNameOf(cls)}${list?.text ?? '()'}` }, generic, typeParams };
  }
  const ctors = (cls.childForFieldName('body')?.namedChildren ?? []).filter((c): c is Node => c?.type === 'constructor_declaration');
  if (!ctors.length) return { kind: 'instance', className: name, ctor: NO_CTOR, generic, typeParams };
  const usable = ctors.filter((c) => !/\bprivate\b/.test(c.children.find((x) => x?.type === 'modifiers')?.text ?? ''));
  if (!usable.length) return t("{0}'s constructors are private: offline tests cannot build one; use the AI variant", name);
  // The simplest way to build one: the constructor with the fewest parameters.
  const best = usable.map((c) => ({ c, n: c.childForFieldName('parameters')?.namedChildren.filter((p) => p?.type === 'formal_parameter' || p?.type === 'spread_parameter').length ?? 0 })).sort((a, b) => a.n - b.n)[0]!.c;
  return { kind: 'instance', className: name, ctor: ctorOf(best, 'java', best.children.some((c) => c?.type === 'throws')), generic, typeParams };
}

// ---- Go

function goSources(sourcePath: string, own: string): string {
  const dir = path.dirname(sourcePath);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go') && path.join(dir, n) !== sourcePath);
  } catch {
    // The folder may not exist (an unsaved document): the file's own text is all there is.
  }
  return [own, ...names.slice(0, 50).map((n) => {
    try {
      return fs.readFileSync(path.join(dir, n), 'utf8');
    } catch {
      return '';
    }
  })].join('\n');
}

function goReceiver(f: FunctionInfo, sourcePath: string): Receiver | string {
  const recv = f.node.childForFieldName('receiver')?.namedChildren.find((c) => c?.type === 'parameter_declaration');
  const typeNode = recv?.childForFieldName('type');
  if (!recv || !typeNode) return t('this method has no receiver a test can build');
  const pointer = typeNode.type === 'pointer_type';
  const base = pointer ? typeNode.namedChildren[0] : typeNode;
  if (base?.type !== 'type_identifier') return t('the receiver {0} is generic: offline tests need a concrete type; use the AI variant', typeNode.text);
  const typeName = base.text;
  const own = recv.childForFieldName('name')?.text;
  const taken = new Set(['t', 'tt', 'tests', 'err', '_', 'testing', ...f.params.map((p) => p.name)]);
  const varName = own && !taken.has(own) ? own : taken.has(typeName[0]!.toLowerCase()) ? 'recv' : typeName[0]!.toLowerCase();
  const root = f.node.tree.rootNode;
  const all = goSources(sourcePath, root.text);
  // Struct, map, slice and array types take a composite literal (`T{}`: a usable empty map, unlike new(T)).
  const composite = new RegExp(`^\\s*(?:type\\s+)?${typeName}\\s+(?:=\\s*)?(?:struct\\b|map\\[|\\[)`, 'm').test(all);
  // The package's constructor, when this file declares one that returns the type.
  // NewLedger for Ledger; newLedger or NewLedger for an unexported ledger.
  const upper = `${typeName[0]!.toUpperCase()}${typeName.slice(1)}`;
  const names = [`New${upper}`, `new${upper}`];
  const factoryNode = names.map((n) => root.namedChildren.find((x) => x?.type === 'function_declaration' && x.childForFieldName('name')?.text === n)).find(Boolean) ?? undefined;
  const result = factoryNode?.childForFieldName('result')?.text.replace(/\s+/g, '') ?? '';
  const m = new RegExp(`^\\(?\\*?${typeName}(,error)?\\)?$`).exec(result);
  let factory: GoFactory | undefined;
  if (factoryNode && m && !factoryNode.childForFieldName('type_parameters')) {
    const d = describeFunction(factoryNode, 'go');
    factory = { name: factoryNode.childForFieldName('name')?.text ?? '', signature: signatureOf(factoryNode), params: d.params, args: validArgs(d), returnsError: !!m[1] };
  }
  return { kind: 'go', typeName, pointer, varName, composite, ...(factory ? { factory } : {}) };
}

/** What a model is told about reaching a method, so its tests build the object the way the offline generator does. */
export function receiverHint(r: Receiver, f: FunctionInfo): string {
  switch (r.kind) {
    case 'function': return '';
    case 'static': return `${r.className}.${f.name} is static: call it through the class, without an instance.`;
    case 'constructor': return `The target is the constructor of ${r.className}: the tests construct it with arguments that pass and fail its checks.`;
    case 'instance':
      if (r.enumConstant) return `${f.name} is an instance method of the enum ${r.className}: call it on a constant such as ${r.className}.${r.enumConstant}.`;
      return `${f.name} is an instance method of ${r.className}: build a fresh instance in every test with ${r.ctor.signature ? `its constructor \`${r.ctor.signature}\`` : 'its no-argument constructor'}, then call the method on it. Do not call it as a free function.`;
    case 'go':
      return `${f.name} is a method on ${r.pointer ? '*' : ''}${r.typeName}: in each table case, get a receiver with ${r.factory ? `${r.factory.name}(...) (\`${r.factory.signature}\`)` : r.composite ? `${r.pointer ? '&' : ''}${r.typeName}{}` : `${r.pointer ? 'new' : '*new'}(${r.typeName})`} and call ${r.varName}.${f.name}(...). Name the test Test${r.typeName}_${f.name}.`;
  }
}
