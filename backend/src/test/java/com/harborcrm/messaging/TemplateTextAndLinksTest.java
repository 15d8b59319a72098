package com.harborcrm.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.security.SecretBox;

/** The template language, unsubscribe tokens and secret sealing, without a server. */
class TemplateTextAndLinksTest {

    @Test
    void placeholdersAreCheckedAgainstTheFixedOnesAndTheStoresCustomFields() {
        assertEquals(List.of(), TemplateText.problems("Hi {{name}}, {{ owner.name }} {{cf.size|M}}", Set.of("size")));
        assertEquals(List.of("{{nmae}} is not a placeholder", "{{cf.colour}} is not a placeholder"),
                TemplateText.problems("Hi {{nmae}} {{cf.colour}} {{cf.size}}", Set.of("size")));
        assertEquals(List.of("has {{ or }} that is not a whole placeholder such as {{name}}"),
                TemplateText.problems("Hi {{name", Set.of()));
        assertEquals(List.of("{{}} is not a placeholder"), TemplateText.problems("{{}}", Set.of()));
    }

    @Test
    void renderingFillsValuesAndFallbacksAndTheHtmlPartEscapesEverything() {
        Map<String, String> values = Map.of("name", "<b>Ana</b> & Co", "unsubscribeUrl", "https://x.example/u/a\"b");
        assertEquals("Dear <b>Ana</b> & Co, buyer", TemplateText.render("Dear {{name}}, {{position|buyer}}", values));
        String html = TemplateText.renderHtml("<i>Dear</i> {{name}}\n\nBye {{unsubscribeUrl}}", values);
        assertTrue(html.contains("<p>&lt;i&gt;Dear&lt;/i&gt; &lt;b&gt;Ana&lt;/b&gt; &amp; Co</p>"), html);
        assertTrue(html.contains("<a href=\"https://x.example/u/a&quot;b\">"), html);
        assertFalse(html.contains("<b>"));
        // A subject cannot receive a line break from a value (header injection).
        assertEquals("Hi Ana Bcc: x@example.com",
                TemplateText.renderLine("Hi {{name}}", Map.of("name", "Ana\r\nBcc: x@example.com")));
    }

    @Test
    void anUnsubscribeTokenVerifiesOnlyForItsStoreCustomerAndChannelUnderItsKey() {
        byte[] key = new byte[32];
        key[0] = 7;
        var subject = new UnsubscribeLinks.Subject(42, 1001, MessageChannel.EMAIL);
        String token = UnsubscribeLinks.token(key, subject);
        assertEquals(Optional.of(subject), UnsubscribeLinks.claimed(token));
        assertTrue(UnsubscribeLinks.verify(key, token, subject));
        assertFalse(UnsubscribeLinks.verify(new byte[32], token, subject), "another store's key");
        assertFalse(UnsubscribeLinks.verify(key, token, new UnsubscribeLinks.Subject(42, 1002, MessageChannel.EMAIL)));
        assertFalse(UnsubscribeLinks.verify(key, token, new UnsubscribeLinks.Subject(42, 1001, MessageChannel.SMS)));
        assertEquals(Optional.empty(), UnsubscribeLinks.claimed("not-a-token"));
        assertEquals(Optional.empty(), UnsubscribeLinks.claimed("AAAA.BBBB"));
    }

    @Test
    void secretsAreSealedWithANonceAndOpenOnlyUnderTheSameKey() {
        SecretBox box = new SecretBox(config(Optional.of("dGVzdC1rZXktdGhpcnR5LXR3by1ieXRlcy1sb25nISE=")));
        byte[] once = box.seal("smtp-password");
        byte[] twice = box.seal("smtp-password");
        assertNotEquals(java.util.Arrays.toString(once), java.util.Arrays.toString(twice), "a fresh nonce each time");
        assertEquals(Optional.of("smtp-password"), box.open(once));
        SecretBox other = new SecretBox(config(Optional.of("b3RoZXIta2V5LXRoaXJ0eS10d28tYnl0ZXMtbG9uZyE=")));
        assertEquals(Optional.empty(), other.open(once), "another key opens nothing");
        once[once.length - 1] ^= 1;
        assertEquals(Optional.empty(), box.open(once), "tampering is detected");
        assertFalse(new SecretBox(config(Optional.empty())).configured());
    }

    private static HarborConfig config(Optional<String> key) {
        HarborConfig.Messaging messaging = (HarborConfig.Messaging) java.lang.reflect.Proxy.newProxyInstance(
                getClass(HarborConfig.Messaging.class), new Class<?>[] {HarborConfig.Messaging.class},
                (proxy, method, args) -> method.getName().equals("encryptionKey") ? key : null);
        return (HarborConfig) java.lang.reflect.Proxy.newProxyInstance(getClass(HarborConfig.class),
                new Class<?>[] {HarborConfig.class},
                (proxy, method, args) -> method.getName().equals("messaging") ? messaging : null);
    }

    private static ClassLoader getClass(Class<?> type) {
        return type.getClassLoader();
    }
}
