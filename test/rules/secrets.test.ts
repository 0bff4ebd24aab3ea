// The secret detectors shared by hard-coded-secret and the AI prompt redaction: real-looking secrets are found with
// the right span and kind, placeholders and fixtures are not.
import { strict as assert } from 'node:assert';
import { findSecrets, isPlaceholder, isSecretName, looksLikeSecretValue, parseSecretPatterns, redactSecrets, secretFormat } from '../../server/src/rules/lib/secrets';

// Built from pieces so this file does not itself look like it leaks credentials to scanners.
const AWS = 'AKIA' + 'Q3EGRJ7TWZ4XKM2P';
const GH = 'ghp_' + 'r8Kq2LmZ0vXa9TbY4cWd7NeF1gHs6JuP3iQo';
const SLACK = 'xoxb-' + '1234567890-0987654321098-' + 'AbCdEfGhIjKlMnOpQrStUvWx';
const JWT = 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiJjYXJ0LXN2YyIsInJvbGUiOiJhZG1pbiJ9' + '.p3Xq8vKj2LmN9RtYw4ZcB7aHs1DfGe6Uo0Ik5Jl2Mn8';
const KEY = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun', 'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK', '-----END RSA PRIVATE KEY-----'].join('\n');

function kinds(text: string): string[] {
  return findSecrets(text).map((h) => h.kind);
}

function found(text: string): string[] {
  return findSecrets(text).map((h) => text.slice(h.start, h.end));
}

describe('secrets: findSecrets over plain text', () => {
  it('finds an AWS access key id and spans exactly the key', () => {
    const text = `aws configure set aws_access_key_id ${AWS} --profile ci`;
    assert.deepEqual(found(text), [AWS]);
    assert.deepEqual(kinds(text), ['aws-access-key-id']);
  });

  it('finds GitHub and Slack tokens', () => {
    assert.deepEqual(kinds(`git clone https://x-access-token:${GH}@github.com/acme/cart.git`), ['github-token']);
    assert.deepEqual(kinds(`curl -H "Authorization: Bearer ${SLACK}" https://slack.com/api/chat.postMessage`), ['slack-token']);
  });

  it('finds a private key block with its body, and a JWT', () => {
    const text = `const pem = \`${KEY}\`;\nsend(${JSON.stringify(JWT)})`;
    assert.deepEqual(kinds(text), ['private-key', 'jwt']);
    assert.deepEqual(found(text), [KEY, JWT]);
  });

  it('finds generic password = "..." assignments in code, config and env files, spanning only the value', () => {
    assert.deepEqual(found('db_password = "S3cure-Pa55w0rd!"'), ['S3cure-Pa55w0rd!']);
    assert.deepEqual(found('{"client_secret": "d8f7a6b5c4e3d2f1a0b9c8d7"}'), ['d8f7a6b5c4e3d2f1a0b9c8d7']);
    assert.deepEqual(found('REDIS_PASSWORD=h7Gk29xQpL\nPORT=6379'), ['h7Gk29xQpL']);
    assert.deepEqual(found('spring.datasource.password: Tr0ub4dor&3'), ['Tr0ub4dor&3']);
  });

  it('redacts what it finds', () => {
    assert.equal(redactSecrets(`key=${AWS} and password: "hunter2x9"`), 'key=[REDACTED:aws-access-key-id] and password: "[REDACTED:secret-assignment]"');
  });

  it('skips placeholders, templates, empty values and fixtures named so', () => {
    const near = [
      'password = "changeme"',
      'password = "${DB_PASSWORD}"',
      'api_key: "<your-key>"',
      'apiKey = "your-api-key-here"',
      'password = ""',
      'secret = "test-secret-123"',
      'token = "fake_token_42"',
      'password: {{ .Values.db.password }}',
      'password = os.environ["DB_PASSWORD"]',
      'token_url = "https://auth.example.com/oauth/token"',
      'PASSWORD_ENV = "DB_PASSWORD"',
      'password_field = "user-password1"',
      'max_tokens = 4096',
      'secret_name = "prod/cart/db"',
      'password: "********"',
      'Enter your password: ',
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'password = userPassword;',
      'password = getPassword(user)',
    ];
    for (const text of near) assert.deepEqual(findSecrets(text), [], text);
  });

  it('does not take AWS-like or JWT-like fragments of longer words', () => {
    assert.deepEqual(findSecrets('class AKIAQ3EGRJ7TWZ4XKM2PExtra {}'), []);
    assert.deepEqual(findSecrets('eyJhbGciOi is the start of every JWT header'), []);
  });

  it('custom patterns: name=regex, with errors for bad entries', () => {
    const { patterns, errors } = parseSecretPatterns(['acme-token=acme_[a-z0-9]{24}', 'broken', 'bad=([']);
    assert.equal(patterns.length, 1);
    assert.equal(errors.length, 2);
    assert.match(errors[0] ?? '', /name=regex/);
    assert.deepEqual(findSecrets('ACME=acme_0123456789abcdefghijklmn', patterns).map((h) => h.kind), ['acme-token']);
  });
});

describe('secrets: name and value checks used by the rule', () => {
  it('isSecretName', () => {
    for (const n of ['password', 'dbPassword', 'DB_PASSWORD', 'apiKey', 'API_KEY', 'clientSecret', 'auth_token', 'secretKey', 'privateKey', 'jwtSecret', 'Authorization']) {
      assert.ok(isSecretName(n), n);
    }
    for (const n of ['passwordField', 'tokenUrl', 'SECRET_NAME', 'password_hash', 'max_tokens', 'key', 'tokenType', 'apiKeyHeader', 'nextPageToken', 'username']) {
      assert.ok(!isSecretName(n), n);
    }
  });

  it('looksLikeSecretValue and isPlaceholder', () => {
    for (const v of ['hunter2x', 'S3cure-Pa55w0rd!', 'd8f7a6b5c4e3d2f1a0b9c8d7', 'Bearer q8Zr2LmN0vXa9TbY']) assert.ok(looksLikeSecretValue(v), v);
    for (const v of ['changeme', 'password', '', 'abc', 'xxxxxxxx', 'DB_PASSWORD', 'access_token', 'jwt.secret', '${SECRET}', '<token>', 'dummy-pass-1', 'http://vault:8200']) {
      assert.ok(!looksLikeSecretValue(v), v);
    }
    assert.ok(isPlaceholder('{{ secret }}'));
  });

  it('secretFormat skips vendor examples', () => {
    assert.equal(secretFormat(AWS)?.kind, 'aws-access-key-id');
    assert.equal(secretFormat('AKIAIOSFODNN7EXAMPLE'), undefined);
  });
});
