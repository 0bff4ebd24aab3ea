const libxmljs = require('libxmljs');

function parseInvoice(body) {
  // ruleid: xml-external-entities
  return libxmljs.parseXml(body, { noent: true });
}

function parseFeed(body) {
  // ruleid: xml-external-entities
  return libxmljs.parseXmlString(body, { noblanks: true, noent: true });
}

async function parseAsync(body) {
  // ruleid: xml-external-entities
  return libxmljs.parseXmlAsync(body, { noent: true });
}

function parseSafe(body) {
  // ok: xml-external-entities
  return libxmljs.parseXml(body, { noent: false, nonet: true });
}

function parseDefault(body) {
  // ok: xml-external-entities
  return libxmljs.parseXml(body);
}

function parseBlanks(body) {
  // ok: xml-external-entities
  return libxmljs.parseXmlString(body, { noblanks: true });
}

module.exports = { parseInvoice, parseFeed, parseAsync, parseSafe, parseDefault, parseBlanks };
