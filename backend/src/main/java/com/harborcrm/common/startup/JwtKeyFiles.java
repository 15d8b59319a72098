package com.harborcrm.common.startup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Writes the RS256 key pair Harbor signs and verifies its tokens with, as PEM files, when they are not there yet:
 * {@code privateKey.pem} (PKCS#8) and {@code publicKey.pem} (X.509 SubjectPublicKeyInfo), as {@code openssl genpkey}
 * writes them. An existing pair is kept, so running it at every start of a stack is safe. Each file is written
 * under a temporary name and renamed into place, the public key last: a reader never sees half a key, and a pair
 * is complete once {@code publicKey.pem} exists.
 */
public final class JwtKeyFiles {

    static final String COMMAND = "generate-jwt-keys";
    static final String PRIVATE_KEY = "privateKey.pem";
    static final String PUBLIC_KEY = "publicKey.pem";

    private JwtKeyFiles() {}

    /** {@code generate-jwt-keys <directory>}: 0 when the pair exists afterwards, 1 on a failure, 2 on bad usage. */
    static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: " + COMMAND + " <directory>   (writes privateKey.pem and publicKey.pem there if missing)");
            return 2;
        }
        Path directory = Path.of(args[1]);
        try {
            out.println(write(directory)
                    ? "Wrote a new RS256 key pair to " + directory
                    : "Kept the key pair already in " + directory);
            return 0;
        } catch (IOException | GeneralSecurityException e) {
            err.println("Could not write the key pair to " + directory + ": " + e);
            return 1;
        }
    }

    /** Writes a new pair unless {@code publicKey.pem} is there; true when it wrote one. */
    static boolean write(Path directory) throws IOException, GeneralSecurityException {
        if (Files.exists(directory.resolve(PUBLIC_KEY))) {
            return false;
        }
        Files.createDirectories(directory);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        place(directory, PRIVATE_KEY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        place(directory, PUBLIC_KEY, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return true;
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void place(Path directory, String name, String content) throws IOException {
        Path temporary = Files.createTempFile(directory, "." + name, ".tmp");
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        try {
            Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
