import { defineRule, type RuleContext, type RuleMatch } from '../../engine/define-rule';
import { inProductionCode } from '../lib/security-context';
import { enclosingFunction, namedArgs } from '../lib/syntax';

/** Settings that turn DTDs or external entities off for JAXP, StAX, dom4j and JDOM parsers. */
const JAVA_HARDENED = /(disallow-doctype-decl|external-general-entities|external-parameter-entities|load-external-dtd|SUPPORT_DTD|IS_SUPPORTING_EXTERNAL_ENTITIES|SUPPORTS_EXTERNAL_ENTITIES|ACCESS_EXTERNAL_DTD|ACCESS_EXTERNAL_SCHEMA|ACCESS_EXTERNAL_STYLESHEET|setExpandEntityReferences\s*\(\s*false|FEATURE_SECURE_PROCESSING|setEntityResolver|setXMLResolver)/;
// TransformerFactory/SchemaFactory are left out: they mostly serialise the program's own DOM (identity transforms).
const JAVA_FACTORIES = /^(DocumentBuilderFactory|SAXParserFactory|XMLInputFactory|XMLReaderFactory)$/;
/** A method that parses: one that only builds new documents cannot be fed an entity. */
const PARSES = /\.(parse|read|createXMLStreamReader|createXMLEventReader|newSAXParser|unmarshal|getXMLReader)\s*\(/;

const JS = `
  (call_expression
    function: [(member_expression property: (property_identifier) @fn) (identifier) @fn]
    arguments: (arguments (_) (object (pair key: (property_identifier) @key value: (true)) @report))
    (#any-of? @fn "parseXml" "parseXmlString" "parseXmlAsync" "parseHtml")
    (#eq? @key "noent")) @match`;

function why(m: RuleMatch, ctx: RuleContext): string | undefined {
  if (!inProductionCode(ctx)) return undefined;
  if (ctx.language === 'java') {
    const type = m.text('type');
    if (!JAVA_FACTORIES.test(type) && !/^(SAXReader|SAXBuilder)$/.test(type)) return undefined;
    // Factories are configured where they are made: the enclosing class (fields, constructor, method).
    let scope = m.node;
    for (let p = m.node.parent; p; p = p.parent) if (p.type === 'class_body') { scope = p; break; }
    const method = enclosingFunction(m.node);
    if (method && !PARSES.test(method.text)) return undefined;
    return JAVA_HARDENED.test(scope.text) ? undefined : `${type} is created and nothing in this class turns off DTDs or external entities`;
  }
  if (ctx.language === 'python') {
    const key = m.text('key');
    if (key === 'setFeature') return /feature_external_(ges|pes)/.test(namedArgs(m.get('args'))[0]?.text ?? '') ? 'setFeature(feature_external_ges, True) makes the SAX parser fetch external entities' : undefined;
    return `${key}=${m.text('report')} lets lxml ${key === 'resolve_entities' ? 'expand external entities' : key === 'no_network' ? 'fetch entities over the network' : 'load external DTDs'}`;
  }
  return 'noent: true makes libxml expand external entities';
}

/** An XML parser that resolves external entities reads local files and makes requests on behalf of whoever sends the XML. */
export default defineRule({
  id: 'xml-external-entities',
  pillar: 'security',
  severity: 'error',
  languages: ['java', 'python', 'typescript', 'tsx', 'javascript'],
  title: 'XML parser resolves external entities (XXE)',
  local: true,
  triggers: ['Factory', 'SAXReader', 'SAXBuilder', 'resolve_entities', 'no_network', 'load_dtd', 'feature_external', 'noent'],
  query: {
    java: `
      (method_invocation object: (identifier) @type name: (identifier) @fn
        (#match? @fn "^(newInstance|newFactory|newDefaultInstance|createXMLReader)$")) @match
      (object_creation_expression type: (type_identifier) @type (#any-of? @type "SAXReader" "SAXBuilder")) @match`,
    python: `
      (call function: [(identifier) @fn (attribute attribute: (identifier) @fn)]
        arguments: (argument_list (keyword_argument name: (identifier) @key value: (_) @report))
        (#eq? @fn "XMLParser")
        (#any-of? @key "resolve_entities" "no_network" "load_dtd")) @match
      (call function: (attribute attribute: (identifier) @key) arguments: (argument_list . (_) . (true) @report) @args
        (#eq? @key "setFeature")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
  },
  filter: (m, ctx) => {
    if (ctx.language === 'python' && m.text('key') !== 'setFeature') {
      const v = m.text('report');
      if (m.text('key') === 'no_network' ? v !== 'False' : v !== 'True') return false;
    }
    return why(m, ctx) !== undefined;
  },
  message: (m, ctx) =>
    `${why(m, ctx) ?? 'This XML parser resolves external entities'}: a document with <!ENTITY x SYSTEM "file:///etc/passwd"> reads local files or calls internal URLs (XXE); disable DTDs (disallow-doctype-decl) or external entities before parsing untrusted XML`,
  description: `
An XML parser is set up to resolve external entities or DTDs: Java \`DocumentBuilderFactory\`, \`SAXParserFactory\`,
\`XMLInputFactory\`, \`XMLReaderFactory\`, dom4j \`SAXReader\` and JDOM \`SAXBuilder\` created, in a method that parses, in a
class that never disables DTDs or external entities and sets no \`EntityResolver\` (JAXP's defaults resolve them); lxml \`XMLParser(resolve_entities=True)\`,
\`no_network=False\` or \`load_dtd=True\`; \`xml.sax\` \`setFeature(feature_external_ges, True)\`; libxmljs
\`parseXml(..., { noent: true })\`. Test files are not checked.

**Why it matters in production.** An uploaded or posted document can declare \`<!ENTITY x SYSTEM "file:///var/run/secrets/kubernetes.io/serviceaccount/token">\`
and have its contents echoed back, or point entities at internal URLs (cloud metadata, admin APIs) for server-side
request forgery. Nested entities ("billion laughs") also exhaust memory.

**How to fix.** Disallow DTDs before parsing:

\`\`\`java
DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
\`\`\`
\`\`\`java
XMLInputFactory xif = XMLInputFactory.newFactory();
xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
\`\`\`
\`\`\`python
parser = etree.XMLParser(resolve_entities=False, no_network=True)  # or use defusedxml
\`\`\`

**Links.** [OWASP XXE Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html),
[CWE-611](https://cwe.mitre.org/data/definitions/611.html), [defusedxml](https://github.com/tiran/defusedxml).
`,
});
