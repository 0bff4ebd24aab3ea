package shop.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public class Notifier {
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    public void notifyAll(List<User> users) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (User u : users) {
            // ruleid: unbounded-fan-out
            Thread t = new Thread(() -> sendEmail(u));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
    }

    public void refresh(List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            // ruleid: unbounded-fan-out
            new Thread(() -> refreshOne(id), "refresh-" + id).start();
        }
        // ruleid: unbounded-fan-out
        ids.forEach(id -> new Thread(() -> refreshOne(id)).start());
    }

    public void notifyPooled(List<User> users) {
        for (User u : users) {
            // ok: unbounded-fan-out
            pool.submit(() -> sendEmail(u));
        }
    }

    public void startWorkers(int workers) {
        for (int i = 0; i < workers; i++) {
            // ok: unbounded-fan-out
            new Thread(this::work).start();
        }
    }

    public Thread watchdog() {
        // ok: unbounded-fan-out
        return new Thread(this::work);
    }

    private void sendEmail(User u) {}
    private void refreshOne(String id) {}
    private void work() {}
}
