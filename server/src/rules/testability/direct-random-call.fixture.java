package shop.experiments;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

public class Experiments {
    // ok: direct-random-call
    private final Random defaultRandom = new Random();
    private final RandomGenerator rng;

    public Experiments(RandomGenerator rng) {
        this.rng = rng;
    }

    public String assign(String userId) {
        // ruleid: direct-random-call
        return Math.random() < 0.1 ? "checkout-v2" : "control";
    }

    public String pickWarehouse(List<String> ws) {
        // ruleid: direct-random-call
        return ws.get(ThreadLocalRandom.current().nextInt(ws.size()));
    }

    public List<String> recommend(List<String> products) {
        // ruleid: direct-random-call
        Collections.shuffle(products, new Random());
        return products.subList(0, Math.min(5, products.size()));
    }

    public boolean keep(double rate) {
        // ok: direct-random-call
        return rng.nextDouble() < rate;
    }

    public List<String> replay(List<String> products, long seed) {
        // ok: direct-random-call
        Collections.shuffle(products, new Random(seed));
        return products;
    }

    public long retryDelay(int attempt) {
        // ok: direct-random-call
        return attempt * 100L + (long) (Math.random() * 100);
    }
}
