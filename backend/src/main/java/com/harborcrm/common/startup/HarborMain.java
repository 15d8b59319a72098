package com.harborcrm.common.startup;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The application's entry point: starts Harbor, or runs one of its operator commands and exits without starting
 * it. The commands run before Quarkus boots, so they need no database and no configuration; the same image (JVM
 * or native) serves both, which is how the compose file's one-shot {@code jwt-keys} service makes its keys.
 *
 * <pre>
 *   java -jar quarkus-run.jar                             start the server
 *   java -jar quarkus-run.jar generate-jwt-keys /keys     write /keys/privateKey.pem and publicKey.pem if missing
 * </pre>
 */
@QuarkusMain
public final class HarborMain {

    private HarborMain() {}

    public static void main(String... args) {
        if (args.length > 0 && JwtKeyFiles.COMMAND.equals(args[0])) {
            System.exit(JwtKeyFiles.run(args));
        }
        Quarkus.run(args);
    }
}
