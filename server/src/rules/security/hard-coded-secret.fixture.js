const jwt = require('jsonwebtoken');

// ruleid: hard-coded-secret
const serviceToken = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYXJ0LXN2YyIsInJvbGUiOiJhZG1pbiJ9.p3Xq8vKj2LmN9RtYw4ZcB7aHs1DfGe6Uo0Ik5Jl2Mn8';

function sign(user) {
  // ruleid: hard-coded-secret
  return jwt.sign({ sub: user.id }, 'kT9#vL2xQ8mZ4pR7', { expiresIn: '1h', secret: 'kT9#vL2xQ8mZ4pR7' });
}

module.exports = {
  // ruleid: hard-coded-secret
  awsAccessKeyId: 'AKIAZ7QW3ERT5YU8IO2P',
  // ruleid: hard-coded-secret
  awsSecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq2Lm9Tv4W',
  // ok: hard-coded-secret
  awsSecretAccessKeyEnv: 'AWS_SECRET_ACCESS_KEY',
  // ok: hard-coded-secret
  docsKey: 'AKIAIOSFODNN7EXAMPLE',
  // ok: hard-coded-secret
  password: process.env.DB_PASSWORD || 'dummy-password',
  // ok: hard-coded-secret
  passwordPrompt: 'Enter your password:',
  sign,
  serviceToken,
};
