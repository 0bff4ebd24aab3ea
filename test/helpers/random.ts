/** A small seeded PRNG (mulberry32), so a failing fuzz run can be replayed from its seed. */
export function rng(seed: number): { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)] as never,
  };
}

/** Snippets a fuzzer pastes: other languages, unbalanced brackets, unicode, suppression comments. */
export const JUNK: readonly string[] = [
  '{', '}', '(', ')', '[', ']', '"', "'", '`', '\n', '\t', ' ', '/*', '*/', '//', '#', ':', ';', ',',
  'http.Get(url)', 'requests.get(u)', 'InsecureSkipVerify: true', 'rejectUnauthorized: false', 'time.Now()', 'Date.now()',
  'for {', 'for i in range(10):\n    re.compile(p)\n', 'while (true) { new RegExp(x) }', 'func f() {\n', 'def g(:\n',
  'class A { void m() { Pattern.compile(p); } }', '\nkind: Deployment\nspec:\n  replicas: 1\n', '---\n', '  - name: x\n    image: y:latest\n',
  '// dfx-ignore go-http-no-timeout: fuzz\n', '# dfx-ignore-file all\n', '日本語😀', '\u0000', '\r\n', '{{ .Values.x }}',
  'SELECT * FROM t WHERE id = " + id', '`${a}`', '"""', "'''", '\\', 'verify=False', 'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"',
];
