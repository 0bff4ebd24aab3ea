import { defineRule } from '../../engine/define-rule';
import { inProductionCode, stringContent, usageWords } from '../lib/security-context';

/** Words that say the digest protects something: a password, a token, a signature. */
const SECURITY = /(passw|\bpwd\b|secret|token|signature|\bsign(ed|ing|s)?\b|credential|\bsalt|api[ _]?key|\botp\b|\bauth|\bverify|\blogin\b|session[ _]id)/;
/** Words that say it is a checksum, cache key or fingerprint, where MD5/SHA-1 are fine. */
const NOT_SECURITY = /(checksum|check[ _]sum|\be[ _]?tag|cache|fingerprint|dedup|content[ _]hash|file[ _]hash|integrity|shard|partition|bucket|gravatar|usedforsecurity\s*=\s*false)/;
const WEAK = /^(md5|md4|md2|sha1|sha-1|sha|rsa-md5|ripemd160)$/i;

const JS = `
  (call_expression
    function: [(member_expression property: (property_identifier) @fn) (identifier) @fn]
    arguments: (arguments . (string) @alg)
    (#eq? @fn "createHash")) @match`;

/** MD5 and SHA-1 are broken for collisions and far too fast for passwords. */
export default defineRule({
  id: 'weak-hash',
  pillar: 'security',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'MD5 or SHA-1 used for passwords, tokens or signatures',
  local: true,
  triggers: ['md5', 'sha1', 'MD5', 'SHA-1', 'SHA1', 'Md5', 'Sha1', 'md4', 'MD4'],
  query: {
    go: `
      (call_expression
        function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
        (#any-of? @pkg "md5" "sha1")
        (#any-of? @fn "New" "Sum")) @match`,
    python: `
      (call
        function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
        (#eq? @pkg "hashlib")
        (#any-of? @fn "md5" "sha1")) @match
      (call
        function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
        arguments: (argument_list . (string) @alg)
        (#eq? @pkg "hashlib")
        (#eq? @fn "new")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_invocation
        object: (identifier) @pkg
        name: (identifier) @fn
        arguments: (argument_list . (string_literal) @alg)
        (#eq? @pkg "MessageDigest")
        (#eq? @fn "getInstance")) @match
      (method_invocation
        object: (identifier) @pkg
        name: (identifier) @fn
        (#any-of? @pkg "DigestUtils" "Hashing")
        (#match? @fn "^(md5|sha1|sha)(Hex|Digest)?$")) @match`,
  },
  filter: (m, ctx) => {
    if (!inProductionCode(ctx)) return false;
    const alg = m.get('alg');
    if (alg && !WEAK.test(stringContent(alg))) return false;
    const words = usageWords(m.node);
    return SECURITY.test(words) && !NOT_SECURITY.test(words);
  },
  message: (m) => {
    const alg = (m.get('alg') ? stringContent(m.get('alg')) : m.text('pkg') === 'hashlib' ? m.text('fn') : m.text('pkg')).toUpperCase();
    return `${alg.replace('SHA1', 'SHA-1')} protects a password, token or signature here, but it is broken for collisions and fast to brute-force; use bcrypt/scrypt/Argon2 for passwords, HMAC-SHA-256 for signatures, SHA-256 for tokens`;
  },
  description: `
MD5 or SHA-1 (Go \`crypto/md5\`/\`crypto/sha1\`, Python \`hashlib.md5\`/\`sha1\`/\`hashlib.new("md5")\`, Node
\`crypto.createHash('md5')\`, Java \`MessageDigest.getInstance("MD5")\`, commons-codec \`DigestUtils.md5Hex\`, Guava
\`Hashing.md5()\`) is used where the words around it say it protects something: a password, token, signature, salt,
session id or API key. Uses named as checksums, ETags, cache keys, fingerprints or content hashes are not flagged,
nor Python calls with \`usedforsecurity=False\`. Test files are not checked: tests stub
credentials, reproduce protocols and trust self-signed certificates on purpose.

**Why it matters in production.** MD5 and SHA-1 collisions are practical (SHAttered, chosen-prefix attacks), so a
signature or integrity check built on them can be forged. For passwords any fast hash is wrong: a GPU tries billions
of MD5 or SHA-1 guesses per second, so a leaked table of hashes is a leaked table of passwords.

**How to fix.** Passwords: a slow, salted KDF — bcrypt (\`golang.org/x/crypto/bcrypt\`, \`bcrypt\` on npm and PyPI,
Spring \`BCryptPasswordEncoder\`), scrypt or Argon2id. Signatures and MACs: HMAC-SHA-256. Token digests: SHA-256.

\`\`\`go
hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
\`\`\`
\`\`\`python
digest = hashlib.sha256(token.encode()).hexdigest()
\`\`\`

**Links.** [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html),
[CWE-328](https://cwe.mitre.org/data/definitions/328.html), [CWE-916](https://cwe.mitre.org/data/definitions/916.html),
[Bandit B324](https://bandit.readthedocs.io/en/latest/plugins/b324_hashlib.html).
`,
});
