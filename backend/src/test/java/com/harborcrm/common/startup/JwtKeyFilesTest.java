package com.harborcrm.common.startup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.util.KeyUtils;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compose file's one-shot key generator: keys SmallRye JWT reads, kept when present, usage errors told. */
class JwtKeyFilesTest {

    @TempDir
    Path keys;

    @Test
    void writesAPairThatSignsAndVerifiesAsSmallRyeJwtReadsIt() throws Exception {
        assertEquals(0, JwtKeyFiles.run(new String[] {"generate-jwt-keys", keys.resolve("new").toString()}));

        PrivateKey privateKey = KeyUtils.decodePrivateKey(Files.readString(keys.resolve("new/privateKey.pem")));
        PublicKey publicKey = KeyUtils.decodePublicKey(Files.readString(keys.resolve("new/publicKey.pem")));
        byte[] token = "header.payload".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(token);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(token);
        assertTrue(verifier.verify(signature), "the public key verifies what the private key signed");
        try (var left = Files.list(keys.resolve("new"))) {
            assertEquals(2, left.count(), "no temporary file is left beside the pair");
        }
    }

    @Test
    void keepsAPairThatIsAlreadyThere() throws Exception {
        assertTrue(JwtKeyFiles.write(keys));
        byte[] privateBefore = Files.readAllBytes(keys.resolve("privateKey.pem"));
        byte[] publicBefore = Files.readAllBytes(keys.resolve("publicKey.pem"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = JwtKeyFiles.run(new String[] {"generate-jwt-keys", keys.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertEquals(0, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Kept the key pair"), out.toString());
        assertArrayEquals(privateBefore, Files.readAllBytes(keys.resolve("privateKey.pem")));
        assertArrayEquals(publicBefore, Files.readAllBytes(keys.resolve("publicKey.pem")));
        assertFalse(JwtKeyFiles.write(keys));
    }

    @Test
    void aMissingDirectoryArgumentIsAUsageErrorThatWritesNothing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = JwtKeyFiles.run(new String[] {"generate-jwt-keys"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: generate-jwt-keys <directory>"));
    }
}
