package io.artstore.devstack;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar dev-stack/target/dev-stack-1.0.0-SNAPSHOT-exec.jar}: starts the local stack,
 * prints every URL and credential, and stops everything on Ctrl-C.
 */
public final class DevStack {

    private DevStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        StackOptions options;
        try {
            options = StackOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("Starting ArtStore (data in " + options.dataDir().toAbsolutePath() + ") ...");
        LocalStack stack = LocalStack.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping ArtStore ...");
            stack.close();
            stopped.countDown();
        }, "artstore-stop"));
        System.out.println(Summary.of(stack, options));
        stopped.await();
    }
}
