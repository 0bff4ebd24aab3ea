import { defineRule, type RuleContext, type RuleMatch } from '../../engine/define-rule';
import { goImportName, inProductionCode } from '../lib/security-context';
import { enclosingFunction } from '../lib/syntax';

const JS = `
  (call_expression
    function: [(member_expression object: (identifier) @pkg property: (property_identifier) @fn) (identifier) @fn]
    arguments: (arguments) @args
    (#any-of? @fn "decode" "verify")) @match`;

const NONE_ALG = /algorithms?['"]?\s*[:=]\s*(\[[^\]]*)?['"]none['"]/i;

/** Why this JWT is read without checking its signature, or undefined when it is checked. */
function unverified(m: RuleMatch, ctx: RuleContext): string | undefined {
  const fn = m.text('fn');
  const args = m.get('args')?.text ?? '';
  if (ctx.language === 'go') {
    if (m.text('ver') === 'UnsafeAllowNoneSignatureType') return 'jwt.UnsafeAllowNoneSignatureType accepts tokens with alg "none"';
    const scope = enclosingFunction(m.node)?.text ?? '';
    // Reading the header (kid, issuer) before a verifying Parse in the same function is the documented pattern.
    if (/\.(Parse|ParseWithClaims)\s*\(/.test(scope)) return undefined;
    return `${fn} reads the claims without checking the signature`;
  }
  if (ctx.language === 'python') {
    if (/["']verify_signature["']\s*:\s*False/.test(args)) return 'jwt.decode with verify_signature False accepts forged tokens';
    if (/\bverify\s*=\s*False/.test(args)) return 'jwt.decode(verify=False) accepts forged tokens';
    if (NONE_ALG.test(args)) return 'jwt.decode allowing algorithm "none" accepts unsigned tokens';
    return undefined;
  }
  if (ctx.language === 'java') {
    if (m.text('pkg') === 'JWT' && fn === 'decode') return /\bJWT\.require\s*\(/.test(ctx.text) ? undefined : 'JWT.decode reads the claims without checking the signature';
    const chain = m.get('chain')?.text ?? '';
    if (!/\bJwts\s*\.\s*parser(Builder)?\s*\(/.test(chain)) return undefined;
    if (/^(parseClaimsJwt|parseUnsecuredClaims|parseUnsecuredContent|parsePlaintextJwt)$/.test(fn)) return `${fn} accepts unsigned tokens`;
    return /\b(setSigningKey|setSigningKeyResolver|verifyWith|keyLocator|setSigningKeyLocator)\s*\(/.test(chain) ? undefined : `Jwts.parser().${fn} has no signing key, so the signature is not checked`;
  }
  // JavaScript / TypeScript: jsonwebtoken.
  if (!/['"]jsonwebtoken['"]/.test(ctx.text)) return undefined;
  const pkg = m.text('pkg');
  if (pkg && !/^(jwt|jsonwebtoken|JWT|jsonWebToken)$/.test(pkg)) return undefined;
  // A bare decode()/verify() must be imported from jsonwebtoken (decodeURIComponent aliases are common).
  if (!pkg && !new RegExp(`\\b${fn}\\b[^;]*\\}\\s*(=\\s*require\\(|from\\s)\\s*['"]jsonwebtoken['"]`).test(ctx.text)) return undefined;
  if (fn === 'verify') return NONE_ALG.test(args) ? 'jwt.verify allowing algorithm "none" accepts unsigned tokens' : undefined;
  return /\.verify\s*\(|\bverify\s*\(/.test(ctx.text) ? undefined : 'jwt.decode reads the claims without checking the signature, and this file never calls jwt.verify';
}

/** A JWT whose signature is not checked is a claim anyone can write. */
export default defineRule({
  id: 'jwt-no-verify',
  pillar: 'security',
  severity: 'error',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'JWT read without verifying its signature',
  triggers: ['jwt', 'JWT', 'Jwts', 'Jwt'],
  query: {
    go: `
      (call_expression
        function: (selector_expression field: (field_identifier) @fn)
        (#eq? @fn "ParseUnverified")) @match
      (selector_expression operand: (identifier) @pkg field: (field_identifier) @ver
        (#eq? @ver "UnsafeAllowNoneSignatureType")) @match`,
    python: `
      (call
        function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
        arguments: (argument_list) @args
        (#eq? @pkg "jwt") (#eq? @fn "decode")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_invocation object: (_) @chain name: (identifier) @fn
        (#match? @fn "^(parse|parseClaimsJws|parseClaimsJwt|parseSignedClaims|parseUnsecuredClaims|parseUnsecuredContent|parsePlaintextJwt)$")) @match
      (method_invocation object: (identifier) @pkg name: (identifier) @fn
        (#eq? @pkg "JWT") (#eq? @fn "decode")) @match`,
  },
  filter: (m, ctx) => {
    if (!inProductionCode(ctx)) return false;
    if (ctx.language === 'go' && m.get('ver') && m.text('pkg') !== (goImportName(ctx.text, 'github.com/golang-jwt/jwt/v5') ?? goImportName(ctx.text, 'github.com/golang-jwt/jwt/v4') ?? goImportName(ctx.text, 'github.com/golang-jwt/jwt') ?? goImportName(ctx.text, 'github.com/dgrijalva/jwt-go') ?? 'jwt')) return false;
    return unverified(m, ctx) !== undefined;
  },
  message: (m, ctx) =>
    `${unverified(m, ctx) ?? 'This JWT is not verified'}: anyone can forge a token with any user or role; verify the signature with the expected key and pin the algorithms (e.g. ["RS256"])`,
  description: `
A JSON Web Token is decoded without checking its signature, or with the \`none\` algorithm allowed: jsonwebtoken
\`jwt.decode()\` in a file that never calls \`jwt.verify\`, or \`jwt.verify\` with \`algorithms: ['none']\`; PyJWT
\`jwt.decode(..., options={"verify_signature": False})\`, \`verify=False\` (PyJWT 1.x) or \`algorithms=["none"]\`;
golang-jwt \`ParseUnverified\` (unless the same function then calls \`Parse\`/\`ParseWithClaims\`, the documented way to
read \`kid\` first) and \`jwt.UnsafeAllowNoneSignatureType\`; JJWT \`Jwts.parser()...parse\` with no signing key and
\`parseClaimsJwt\`/\`parseUnsecuredClaims\`; auth0 java-jwt \`JWT.decode\` in a file with no \`JWT.require(...)\` verifier. Test files are not checked: tests stub
credentials, reproduce protocols and trust self-signed certificates on purpose.

**Why it matters in production.** The payload of a JWT is base64, not encrypted or protected: anyone can write
\`{"sub": "admin", "role": "owner"}\`. Only the signature makes the claims trustworthy. Code that reads claims
without verifying them lets any caller become any user.

**How to fix.** Verify with the expected key and an explicit algorithm list:

\`\`\`ts
const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'], audience: 'cart' });
\`\`\`
\`\`\`python
claims = jwt.decode(token, key, algorithms=["RS256"], audience="cart")
\`\`\`
\`\`\`go
tok, err := jwt.Parse(raw, keyFunc, jwt.WithValidMethods([]string{"RS256"}))
\`\`\`
\`\`\`java
Claims c = Jwts.parser().verifyWith(publicKey).build().parseSignedClaims(token).getPayload();
\`\`\`

**Links.** [OWASP JWT Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html),
[RFC 8725: JWT Best Current Practices](https://www.rfc-editor.org/rfc/rfc8725), [CWE-347](https://cwe.mitre.org/data/definitions/347.html).
`,
});
