package com.harborcrm.account;

import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The language a store works in: the names Harbor seeds for it (lost reasons) are written in it. */
@Schema(name = "StoreLanguage", type = SchemaType.STRING, enumeration = {"en", "zh-CN"}, description = "en: English; zh-CN: Simplified Chinese")
public enum StoreLanguage {
    EN("en"), ZH_CN("zh-CN");

    private final String tag;

    StoreLanguage(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, as the API and the database spell it. */
    @JsonValue
    public String tag() {
        return tag;
    }

    /** Spelled as the API spells it, also in "must be one of" field errors. */
    @Override
    public String toString() {
        return tag;
    }

    /** The language of {@code tag} (as stored); null when none matches. */
    public static StoreLanguage of(String tag) {
        for (StoreLanguage language : values()) {
            if (language.tag.equals(tag)) {
                return language;
            }
        }
        return null;
    }
}
