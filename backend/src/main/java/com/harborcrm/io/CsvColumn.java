package com.harborcrm.io;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.harborcrm.customer.ImChannel;

/**
 * The standard columns of a customer file in CSV: the header export writes (import reads it back) and the
 * header names, English and Chinese, that import recognizes for each. Read-only columns are exported for
 * information and ignored by import.
 */
enum CsvColumn {
    NAME("name", "Name", "name", "full name", "contact", "contact name", "contact person", "customer", "customer name",
            "buyer", "buyer name", "姓名", "名字", "联系人", "联系人姓名", "客户", "客户名", "客户名称", "客户姓名", "买家", "买家姓名"),
    COMPANY_NAME("companyName", "Company", "company", "company name", "organization", "organisation", "account",
            "account name", "business name", "公司", "公司名", "公司名称", "企业", "企业名称", "单位", "单位名称"),
    POSITION("position", "Position", "position", "title", "job title", "role", "designation", "职位", "职务", "岗位", "头衔"),
    EMAIL("email", "Email", "email", "e-mail", "email address", "e-mail address", "mail", "邮箱", "电子邮箱", "电子邮件",
            "邮件", "邮箱地址", "email地址"),
    PHONE("phone", "Phone", "phone", "telephone", "tel", "phone number", "telephone number", "office phone",
            "business phone", "work phone", "电话", "座机", "固话", "联系电话", "电话号码", "办公电话"),
    MOBILE("mobile", "Mobile", "mobile", "mobile phone", "mobile number", "cell", "cell phone", "cellphone",
            "手机", "手机号", "手机号码", "移动电话"),
    FAX("fax", "Fax", "fax", "fax number", "传真", "传真号码"),
    WHATSAPP("im:WHATSAPP", "WhatsApp", "whatsapp", "whats app"),
    WECHAT("im:WECHAT", "WeChat", "wechat", "weixin", "微信", "微信号"),
    SKYPE("im:SKYPE", "Skype", "skype", "skype id"),
    LINE("im:LINE", "LINE", "line", "line id"),
    TELEGRAM("im:TELEGRAM", "Telegram", "telegram"),
    WANGWANG("im:WANGWANG", "WangWang", "wangwang", "aliwangwang", "旺旺", "阿里旺旺"),
    OTHER_IM("im:OTHER", "Other IM", "other im", "im", "qq", "messenger", "其他im", "qq号"),
    WEBSITE("website", "Website", "website", "web site", "web", "url", "homepage", "home page", "网站", "网址", "官网", "公司网站"),
    COUNTRY("country", "Country", "country", "country/region", "country or region", "nation", "国家", "国家/地区",
            "国家地区", "国别"),
    REGION("region", "Region", "region", "state", "province", "state/province", "county", "省", "省份", "州", "地区", "省/州"),
    CITY("city", "City", "city", "town", "城市", "市"),
    ADDRESS("address", "Address", "address", "street", "street address", "address line 1", "mailing address", "地址",
            "详细地址", "联系地址", "公司地址", "街道"),
    POSTCODE("postcode", "Postcode", "postcode", "post code", "postal code", "zip", "zip code", "zipcode", "邮编",
            "邮政编码"),
    BUSINESS_TYPE("businessType", "Business type", "business type", "company type", "type of business", "industry",
            "经营模式", "公司类型", "企业类型", "行业"),
    MAIN_PRODUCTS("mainProducts", "Main products", "main products", "products", "main product", "product",
            "主营产品", "主营", "产品", "主要产品", "经营范围"),
    PURCHASE_CATEGORIES("purchaseCategories", "Purchase categories", "purchase categories", "purchase category",
            "categories", "采购品类", "采购类目", "采购类别"),
    ANNUAL_PURCHASE_AMOUNT("annualPurchaseAmount", "Annual purchase amount", "annual purchase amount",
            "annual purchase", "annual purchases", "purchase volume", "年采购额", "年采购量", "采购额"),
    COMPANY_SIZE("companySize", "Company size", "company size", "employees", "number of employees", "size",
            "公司规模", "企业规模", "员工人数", "规模"),
    SOURCE("source", "Source", "source", "lead source", "channel", "来源", "客户来源", "渠道"),
    STAGE("stage", "Stage", "stage", "status of deal", "deal stage", "lifecycle stage", "阶段", "客户阶段", "跟进阶段", "销售阶段"),
    STARS("stars", "Stars", "stars", "rating", "intention", "purchase intention", "星级", "意向", "采购意向", "意向度"),
    STATUS("status", "Status", "status", "customer status", "状态", "客户状态"),
    NOTES("notes", "Notes", "notes", "note", "remarks", "remark", "comment", "comments", "description", "备注",
            "说明", "描述"),
    TAGS("tags", "Tags", "tags", "tag", "labels", "label", "标签"),
    // Exported for information, never imported: import has its own options for the owner.
    OWNER("owner", "Owner", "owner", "owner email", "负责人", "所有人", "归属人", "业务员"),
    POTENTIAL_SCORE("potentialScore", "Potential score", "potential score", "score", "潜力分", "评分"),
    CREATED_AT("createdAt", "Created at", "created at", "created", "创建时间"),
    LAST_FOLLOW_UP_AT("lastFollowUpAt", "Last follow-up", "last follow-up", "last follow up", "最后跟进", "最近跟进时间"),
    ID("id", "ID", "id", "customer id", "编号", "客户编号");

    final String key;
    final String header;
    final List<String> synonyms;
    /** The channel of an "im:" column, found once: the export asks for it for every cell of every row. */
    private final ImChannel imChannel;

    CsvColumn(String key, String header, String... synonyms) {
        this.key = key;
        this.header = header;
        this.synonyms = List.of(synonyms);
        this.imChannel = key.startsWith("im:") ? ImChannel.valueOf(key.substring(3)) : null;
    }

    boolean readOnly() {
        return this == OWNER || this == POTENTIAL_SCORE || this == CREATED_AT || this == LAST_FOLLOW_UP_AT || this == ID;
    }

    ImChannel imChannel() {
        return imChannel;
    }

    private static final Map<String, CsvColumn> BY_NAME = new HashMap<>();
    private static final Map<String, CsvColumn> BY_KEY = new HashMap<>();

    static {
        for (CsvColumn column : values()) {
            BY_KEY.put(column.key.toLowerCase(Locale.ROOT), column);
            BY_NAME.put(normalize(column.header), column);
            BY_NAME.put(normalize(column.key), column);
            for (String synonym : column.synonyms) {
                BY_NAME.put(normalize(synonym), column);
            }
        }
    }

    /** The column a header names, or null. */
    static CsvColumn forHeader(String header) {
        return BY_NAME.get(normalize(header));
    }

    /** The column of a mapping target such as "email" or "im:WECHAT" (case-insensitive), or null. */
    static CsvColumn forKey(String key) {
        return key == null ? null : BY_KEY.get(key.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * How headers compare: full-width forms folded (NFKC), case, spaces, punctuation and a required-field star
     * removed: "E-mail *", "email_address" and "ＥＭＡＩＬ" become "email", "emailaddress".
     */
    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String folded = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
