package shop.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class Notifier {
    private final ObjectMapper mapper = new ObjectMapper();

    public void sendAll(List<String> urls, Template template, Map<String, String> headers) throws Exception {
        for (String url : urls) {
            // ruleid: json-in-loop
            post(url, mapper.writeValueAsString(template));
        }
        String raw = "{\"retries\":3}";
        for (int i = 0; i < urls.size(); i++) {
            // ruleid: json-in-loop
            Map<?, ?> cfg = mapper.readValue(raw, Map.class);
            // ruleid: json-in-loop
            post(urls.get(i), mapper.writeValueAsString(headers) + cfg);
        }
    }

    public void sendEach(List<Template> messages) throws Exception {
        for (Template m : messages) {
            // ok: json-in-loop
            post("/notify", mapper.writeValueAsString(m));
        }
        Map<String, String> state = new HashMap<>();
        for (Template m : messages) {
            state.put("last", m.subject());
            // ok: json-in-loop
            post("/state", mapper.writeValueAsString(state));
        }
        // ok: json-in-loop
        String body = mapper.writeValueAsString(Map.of("count", messages.size()));
        for (Template m : messages) post("/notify", body);
    }

    private void post(String url, String body) {}
}
