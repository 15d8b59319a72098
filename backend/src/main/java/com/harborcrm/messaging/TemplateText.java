package com.harborcrm.messaging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The template language, all of it: {@code {{key}}} or {@code {{key|fallback}}} stands for a value of the customer
 * file; everything else is literal text. Rendering never evaluates anything, and the HTML form escapes the
 * template's text and every value alike, so a customer named {@code <script>} is shown, not run: an HTML e-mail
 * is made from plain text, so there is no HTML of a tenant's to sanitise.
 */
public final class TemplateText {

    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]*)\\s*(?:\\|([^{}]*))?\\}\\}");

    /** The fixed placeholders and what they stand for; custom fields add {@code cf.<key>}. */
    public static final Map<String, String> FIXED = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>() {
        {
            put("name", "The contact's name");
            put("companyName", "The company's name");
            put("position", "The contact's position");
            put("email", "The contact's e-mail address");
            put("country", "The country (ISO code)");
            put("city", "The city");
            put("website", "The company's website");
            put("owner.name", "The name of the customer's sales rep");
            put("owner.email", "The e-mail address of the customer's sales rep");
            put("store.name", "Your store's name");
            put("unsubscribeUrl", "The customer's one-click unsubscribe link (e-mail)");
        }
    });

    private TemplateText() {
    }

    /** The problems of a text: unknown placeholders (by name) and unclosed braces; empty when it renders. */
    public static List<String> problems(String text, Set<String> customFieldKeys) {
        List<String> problems = new ArrayList<>();
        if (text == null) {
            return problems;
        }
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String key = m.group(1);
            if (!known(key, customFieldKeys)) {
                unknown.add(key.isEmpty() ? "{{}}" : "{{" + key + "}}");
            }
            rest.append(text, last, m.start());
            last = m.end();
        }
        rest.append(text.substring(last));
        for (String u : unknown) {
            problems.add(u + " is not a placeholder");
        }
        if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
            problems.add("has {{ or }} that is not a whole placeholder such as {{name}}");
        }
        return problems;
    }

    static boolean known(String key, Set<String> customFieldKeys) {
        return FIXED.containsKey(key) || key.startsWith("cf.") && customFieldKeys.contains(key.substring(3));
    }

    /** The text with each placeholder replaced by its value, or its fallback when the value is empty. */
    public static String render(String text, Map<String, String> values) {
        return replace(text, values, false);
    }

    /** One header line: values cannot carry a line break into it. */
    public static String renderLine(String text, Map<String, String> values) {
        return text == null ? null : render(text, values).replaceAll("[\\r\\n\\x00]+", " ").trim();
    }

    /** The HTML part: the template's text and the values escaped alike, blank lines make paragraphs. */
    public static String renderHtml(String text, Map<String, String> values) {
        return paragraphs(replace(text, values, true));
    }

    /** The HTML part of a text that is already final (a one-to-one message as written): escaped, in paragraphs. */
    public static String plainHtml(String text) {
        return paragraphs(escapeHtml(text));
    }

    private static String paragraphs(String escaped) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;"
                + "font-size:15px;line-height:1.5;color:#1f2933\">");
        for (String paragraph : escaped.replace("\r\n", "\n").split("\n{2,}")) {
            html.append("<p>").append(paragraph.replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String replace(String text, Map<String, String> values, boolean escape) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String literal = text.substring(last, m.start());
            out.append(escape ? escapeHtml(literal) : literal);
            String value = values.get(m.group(1));
            if (value == null || value.isBlank()) {
                value = m.group(2) == null ? "" : m.group(2).trim();
            }
            if (escape && m.group(1).equals("unsubscribeUrl") && !value.isEmpty()) {
                out.append("<a href=\"").append(escapeHtml(value)).append("\">").append(escapeHtml(value)).append("</a>");
            } else {
                out.append(escape ? escapeHtml(value) : value);
            }
            last = m.end();
        }
        String tail = text.substring(last);
        out.append(escape ? escapeHtml(tail) : tail);
        return out.toString();
    }

    public static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static boolean mentions(String text, String key) {
        if (text == null) {
            return false;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return true;
            }
        }
        return false;
    }
}
