package com.harborcrm.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How promising a customer is, 0–100: the screening criteria merchants use on the pool, weighted here and
 * nowhere else. The weights add up to 100; {@link #DESCRIPTION} publishes them in the API.
 */
public final class PotentialScore {

    // The "five certificates": each filled contact detail shows a buyer willing to be reached.
    public static final int TELEPHONE = 8;
    public static final int FAX = 4;
    public static final int MOBILE = 8;
    public static final int EMAIL = 8;
    public static final int DETAILED_COMPANY_NAME = 7;
    public static final int MAIN_PRODUCTS = 10;
    public static final int DETAILED_ADDRESS = 8;
    public static final int POSITION = 5;
    public static final int RECENT_ACTIVITY = 10;
    public static final int REPEAT_INQUIRIES = 8;
    public static final int PER_STAR = 3;
    public static final int STAGE_INQUIRY = 4;
    public static final int STAGE_SAMPLE_ORDER = 10;
    public static final int STAGE_NO_DEAL = 2;
    public static final int STAGE_TRANSACTION = 12;
    public static final int STAGE_REPEAT_PURCHASE = 15;
    public static final Map<CustomerStage, Integer> STAGE = Map.of(
            CustomerStage.UNMARKED, 0,
            CustomerStage.INQUIRY, STAGE_INQUIRY,
            CustomerStage.SAMPLE_ORDER, STAGE_SAMPLE_ORDER,
            CustomerStage.NO_DEAL, STAGE_NO_DEAL,
            CustomerStage.TRANSACTION, STAGE_TRANSACTION,
            CustomerStage.REPEAT_PURCHASE, STAGE_REPEAT_PURCHASE);

    public static final int RECENT_DAYS = 30;
    public static final Duration RECENT = Duration.ofDays(RECENT_DAYS);
    public static final int MIN_REPEAT_INQUIRIES = 2;
    /** A company name this long (letters and digits) is more than a placeholder such as "N/A". */
    public static final int DETAILED_COMPANY_NAME_LENGTH = 4;
    /** A street address this long, with a city or a postcode, is detailed. */
    public static final int DETAILED_ADDRESS_LENGTH = 8;

    public static final String DESCRIPTION = "Potential score 0–100, recomputed on every change (the recent "
            + "follow-up points are taken off by the pool sweep once " + RECENT_DAYS + " days have passed). Points: "
            + "telephone " + TELEPHONE + ", fax " + FAX + ", mobile " + MOBILE + ", email " + EMAIL
            + ", detailed company name (≥ " + DETAILED_COMPANY_NAME_LENGTH + " letters or digits) " + DETAILED_COMPANY_NAME
            + " (the five certificates); main products " + MAIN_PRODUCTS
            + "; detailed address (≥ " + DETAILED_ADDRESS_LENGTH + " characters and a city or postcode) " + DETAILED_ADDRESS
            + "; position " + POSITION
            + "; a follow-up within the last " + RECENT_DAYS + " days " + RECENT_ACTIVITY
            + "; repeat inquiries (≥ " + MIN_REPEAT_INQUIRIES + ") " + REPEAT_INQUIRIES
            + "; " + PER_STAR + " per star (max " + 3 * PER_STAR + ")"
            + "; stage: INQUIRY " + STAGE_INQUIRY + ", SAMPLE_ORDER " + STAGE_SAMPLE_ORDER + ", NO_DEAL " + STAGE_NO_DEAL
            + ", TRANSACTION " + STAGE_TRANSACTION + ", REPEAT_PURCHASE " + STAGE_REPEAT_PURCHASE + ", UNMARKED 0.";

    private PotentialScore() {
    }

    /**
     * Computes the score and sets it on the customer with {@link Customer#scoreRecentUntil}, the moment its
     * recent-activity points expire (the pool sweep takes them off then).
     * Every full computation of the score goes through here.
     */
    public static void apply(Customer c, Instant now) {
        c.potentialScore = (short) of(c, now);
        c.scoreRecentUntil = recentUntil(c, now);
    }

    /** When the recent-activity points run out, if the score includes them at {@code now}; null otherwise. */
    public static Instant recentUntil(Customer c, Instant now) {
        return recentActivity(c, now) ? c.lastFollowUpAt.plus(RECENT) : null;
    }

    public static int of(Customer c, Instant now) {
        int score = 0;
        score += filled(c.phone) ? TELEPHONE : 0;
        score += filled(c.fax) ? FAX : 0;
        score += filled(c.mobile) ? MOBILE : 0;
        score += filled(c.email) ? EMAIL : 0;
        score += detailedCompanyName(c.companyName) ? DETAILED_COMPANY_NAME : 0;
        score += filled(c.mainProducts) ? MAIN_PRODUCTS : 0;
        score += detailedAddress(c) ? DETAILED_ADDRESS : 0;
        score += filled(c.position) ? POSITION : 0;
        score += recentActivity(c, now) ? RECENT_ACTIVITY : 0;
        score += c.inquiryCount >= MIN_REPEAT_INQUIRIES ? REPEAT_INQUIRIES : 0;
        score += Math.max(0, Math.min(3, c.stars)) * PER_STAR;
        score += STAGE.getOrDefault(c.stage, 0);
        return Math.min(100, score);
    }

    /**
     * SQL for a score after a set-based stage change: the score is a sum, so the old stage's points are swapped
     * for the new stage's. {@code oldStage} and {@code newStage} are SQL expressions.
     */
    public static String stageChangeSql(String score, String oldStage, String newStage) {
        return "least(100, greatest(0, " + score + " - " + stagePointsSql(oldStage) + " + " + stagePointsSql(newStage) + "))";
    }

    /** Like {@link #stageChangeSql} for stars. */
    public static String starsChangeSql(String score, String oldStars, String newStars) {
        return "least(100, greatest(0, " + score + " - " + PER_STAR + " * " + oldStars + " + " + PER_STAR + " * " + newStars + "))";
    }

    private static String stagePointsSql(String stage) {
        StringBuilder sql = new StringBuilder("(case ").append(stage);
        for (CustomerStage s : CustomerStage.values()) {
            sql.append(" when '").append(s.name()).append("' then ").append(STAGE.getOrDefault(s, 0));
        }
        return sql.append(" else 0 end)").toString();
    }

    /** A follow-up less than {@link #RECENT} ago (its points expire at last follow-up + {@link #RECENT}). */
    private static boolean recentActivity(Customer c, Instant now) {
        return c.lastFollowUpAt != null && now.isBefore(c.lastFollowUpAt.plus(RECENT));
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean detailedCompanyName(String name) {
        return name != null && name.codePoints().filter(Character::isLetterOrDigit).count() >= DETAILED_COMPANY_NAME_LENGTH;
    }

    private static boolean detailedAddress(Customer c) {
        return c.address != null && c.address.trim().length() >= DETAILED_ADDRESS_LENGTH
                && (filled(c.city) || filled(c.postcode));
    }
}
