import { parseXml, parseXmlString } from 'libxmljs';
import * as libxmljs from 'libxmljs';

export function invoice(body: string): unknown {
  // ruleid: xml-external-entities
  return parseXml(body, { noent: true });
}

export function feed(body: string): unknown {
  // ruleid: xml-external-entities
  return parseXmlString(body, { noent: true, noblanks: true });
}

export function namespaced(body: string): unknown {
  // ruleid: xml-external-entities
  return libxmljs.parseXml(body, { noent: true, nonet: false });
}

export function safe(body: string): unknown {
  // ok: xml-external-entities
  return parseXml(body, { nonet: true });
}

export function plain(body: string): unknown {
  // ok: xml-external-entities
  return parseXml(body);
}

export function off(body: string): unknown {
  // ok: xml-external-entities
  return libxmljs.parseXmlString(body, { noent: false });
}
