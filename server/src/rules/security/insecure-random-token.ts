import { defineRule } from '../../engine/define-rule';
import type { LanguageId } from '../../engine/languages';
import { goImportName, inProductionCode, usageWords } from '../lib/security-context';

/** Words that say the random value must be unguessable. */
const SECRET_USE = /(token|secret|passw|\bpwd\b|\bsalt\b|nonce|session[ _]?(id|key)|api[ _]?key|\botp\b|csrf|xsrf|reset[ _]code|verification[ _]code|activation|invite[ _]code|credential|one[ _]time|\bcode[ _]verifier|magic[ _]link|\biv\b)/;
/** Words that say it is jitter, sampling or test data. */
const HARMLESS = /(jitter|backoff|retry|delay|sampl|shuffle|colou?r|mock|fake|dummy|\bdemo\b|\bport\b|max[ _]tokens|boundary|\bseed\b)/;

const JS = `
  (call_expression
    function: (member_expression object: (identifier) @pkg property: (property_identifier) @fn)
    (#eq? @pkg "Math")
    (#eq? @fn "random")) @match`;

const FIX: Record<string, string> = {
  go: 'use crypto/rand (rand.Read, or rand.Text in Go 1.24)',
  python: 'use the secrets module (secrets.token_urlsafe, secrets.token_hex, secrets.choice)',
  js: 'use crypto.randomBytes / crypto.randomUUID / crypto.getRandomValues',
  java: 'use java.security.SecureRandom',
};
const family = (l: LanguageId): string => (l === 'typescript' || l === 'tsx' || l === 'javascript' ? 'js' : l);

/** A predictable generator makes tokens, passwords and salts that can be guessed. */
export default defineRule({
  id: 'insecure-random-token',
  pillar: 'security',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Non-cryptographic random used for a token, password or salt',
  triggers: ['Math.random', 'math/rand', 'random.', 'Random'],
  query: {
    go: `
      (call_expression
        function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)) @match`,
    python: `
      (call
        function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
        (#eq? @pkg "random")
        (#any-of? @fn "random" "randint" "randrange" "choice" "choices" "sample" "getrandbits" "randbytes" "uniform")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_invocation
        object: (_) @pkg
        name: (identifier) @fn
        (#any-of? @fn "nextInt" "nextLong" "nextBytes" "nextDouble" "nextFloat" "ints" "longs" "random" "randomAlphanumeric"
          "randomAlphabetic" "randomNumeric" "randomAscii")) @match`,
  },
  filter: (m, ctx) => {
    if (!inProductionCode(ctx)) return false;
    const pkg = m.text('pkg');
    if (ctx.language === 'go') {
      const math = goImportName(ctx.text, 'math/rand') ?? goImportName(ctx.text, 'math/rand/v2');
      if (!math || pkg !== math || /^(Seed|New|NewSource|NewPCG|NewChaCha8)$/.test(m.text('fn'))) return false;
    }
    if (ctx.language === 'java') {
      const ok = pkg === 'Math' && m.text('fn') === 'random'
        || /^RandomStringUtils$/.test(pkg) && /^random/.test(m.text('fn'))
        || /^(new\s+Random\s*\(|ThreadLocalRandom\.current\(\))/.test(pkg)
        || /^\w+$/.test(pkg) && new RegExp(`\\b(Random|ThreadLocalRandom)\\s+${pkg}\\b`).test(ctx.text);
      if (!ok) return false;
    }
    const words = usageWords(m.node);
    return SECRET_USE.test(words) && !HARMLESS.test(words);
  },
  message: (m, ctx) =>
    `${ctx.language === 'go' ? `math/rand ${m.text('fn')}` : `${m.text('pkg').replace(/\(.*$/s, '')}.${m.text('fn')}`} is predictable, so a token, password or salt made from it can be guessed; ${FIX[family(ctx.language)]}`,
  description: `
A token, password, salt, nonce, session id, reset or verification code is made with a non-cryptographic generator:
JavaScript \`Math.random()\`, Go \`math/rand\`, Python \`random.*\`, Java \`java.util.Random\`, \`Math.random()\`,
\`ThreadLocalRandom\` or commons-lang \`RandomStringUtils.random*\`. The rule looks at the statement and the enclosing
function's name to decide what the value is for; jitter, backoff, sampling and shuffling are not flagged. Test files are not checked: tests stub
credentials, reproduce protocols and trust self-signed certificates on purpose.

**Why it matters in production.** These generators are designed for speed and statistics, not secrecy: their state
can be recovered from a few outputs (V8's xorshift128+, Java's 48-bit LCG, Python's Mersenne Twister), and Go's
math/rand before 1.20 was seeded with 1 unless told otherwise. An attacker who sees a few tokens can predict the next
password-reset link or session id.

**How to fix.** Use the platform's cryptographic generator:

\`\`\`go
b := make([]byte, 32)
if _, err := rand.Read(b); err != nil { return "", err } // crypto/rand
token := base64.RawURLEncoding.EncodeToString(b)
\`\`\`
\`\`\`python
token = secrets.token_urlsafe(32)
\`\`\`
\`\`\`ts
const token = crypto.randomBytes(32).toString('base64url');
\`\`\`
\`\`\`java
byte[] b = new byte[32]; new SecureRandom().nextBytes(b);
\`\`\`

**Links.** [OWASP: Secure random number generation](https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html#secure-random-number-generation),
[CWE-338](https://cwe.mitre.org/data/definitions/338.html), [Python secrets](https://docs.python.org/3/library/secrets.html).
`,
});
