package io.artstore.kernel.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A tiny service that uses the shared kernel the way real services do, for the kernel's own tests. */
@SpringBootApplication
public class KernelTestApplication {
}
