import { defineRule } from '../../engine/define-rule';
import { textHas } from '../lib/file-kind';

const setsRequestFactory = textHas(/\.setRequestFactory\s*\(/);

/** `new RestTemplate()` uses a request factory with no connect or read timeout. */
export default defineRule({
  id: 'java-resttemplate-no-timeout',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['java'],
  title: 'RestTemplate with no timeouts',
  triggers: ['RestTemplate'],
  query: `
    (object_creation_expression
      type: (type_identifier) @type
      arguments: (argument_list) @args
      (#eq? @type "RestTemplate")) @match
  `,
  // The default factory has infinite timeouts; a file that installs a factory on the template is trusted to set them.
  filter: (m, ctx) => m.get('args')?.namedChildCount === 0 && !setsRequestFactory(ctx.text),
  message: 'new RestTemplate() has no connect or read timeout (its SimpleClientHttpRequestFactory waits forever): a hung upstream blocks this thread, and the request pool with it; build it with timeouts, e.g. new RestTemplateBuilder().connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(10)).build()',
  description: `
\`new RestTemplate()\` uses \`SimpleClientHttpRequestFactory\`, whose connect and read timeouts default to
infinite (it leaves \`HttpURLConnection\`'s \`0\` in place). Files that call \`setRequestFactory(...)\` are not flagged.

**Why it matters in production.** A servlet thread that calls a hung upstream waits forever; Tomcat's 200 threads
are gone after a few seconds of traffic, and the service stops answering its own health checks: a slow dependency
becomes an outage of this service.

**How to fix.** Build the template with timeouts, once, as a bean:

\`\`\`java
@Bean
RestTemplate restTemplate(RestTemplateBuilder builder) {
    return builder.connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(10)).build();
}
\`\`\`

(\`setConnectTimeout\`/\`setReadTimeout\` on Spring Boot before 3.4.) Or give a
\`SimpleClientHttpRequestFactory\`/\`HttpComponentsClientHttpRequestFactory\` with timeouts to the constructor.

**Links.** [Spring RestTemplate](https://docs.spring.io/spring-framework/reference/integration/rest-clients.html#rest-resttemplate),
[SimpleClientHttpRequestFactory](https://docs.spring.io/spring-framework/docs/current/javadoc-api/org/springframework/http/client/SimpleClientHttpRequestFactory.html).
`,
});
