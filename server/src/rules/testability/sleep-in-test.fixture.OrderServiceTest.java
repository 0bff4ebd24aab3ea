package shop.orders;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrderServiceTest {
    @Test
    void processesQueue() throws Exception {
        Queue q = new Queue();
        Worker w = new Worker(q).start();
        q.push(new Order(1));
        // ruleid: sleep-in-test
        Thread.sleep(500);
        assertEquals(1, w.processed());
    }

    @Test
    void expiresCache() throws Exception {
        Cache c = new Cache(50);
        c.put("k", "v");
        // ruleid: sleep-in-test
        TimeUnit.MILLISECONDS.sleep(100);
        assertEquals(null, c.get("k"));
    }

    @Test
    void publishes() throws Exception {
        Broker b = new Broker();
        b.publish("orders", new byte[] {1});
        // ruleid: sleep-in-test
        MILLISECONDS.sleep(250);
        assertEquals(1, b.delivered());
    }

    @Test
    void processesQueueWithLatch() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Worker w = new Worker(new Queue()).onProcessed(done::countDown).start();
        // ok: sleep-in-test
        done.await(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (w.processed() < 1 && System.nanoTime() < deadline) {
            // ok: sleep-in-test
            Thread.sleep(10);
        }
    }

    @Test
    void slowUpstream() throws Exception {
        Upstream slow = request -> {
            // ok: sleep-in-test
            Thread.sleep(200);
            return "late";
        };
        // ok: sleep-in-test
        Thread.sleep(0);
        assertEquals("late", slow.call("x"));
    }
}
