package com.harborcrm.digest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.harborcrm.account.StoreLanguage;
import com.harborcrm.agenda.AgendaService.Agenda;
import com.harborcrm.agenda.AgendaService.Item;
import com.harborcrm.agenda.AgendaService.Kind;
import com.harborcrm.followup.FollowUpType;
import com.harborcrm.notification.NotificationDtos;
import com.harborcrm.notification.NotificationDtos.NotificationView;

/**
 * The digest as text and HTML in the reader's language. The HTML is made from the same lines with every value
 * escaped (customer names are tenant data).
 */
final class DigestMail {

    private DigestMail() {
    }

    record Rendered(String subject, String text, String html) {
    }

    private record Words(String greeting, String subject, String overdue, String today, String returning,
            String inquiries, String open, String stop, Map<FollowUpType, String> types, String followUp,
            String returnsIn, String sentInquiry, String plannedFor, DateTimeFormatter day, String escalated,
            String returned, String escalatedLine, String returnedMany, Map<String, String> rules, String assigned,
            String assignedBy, Map<String, String> distributedBy) {
    }

    private static final Words EN = new Words("Good morning, %s. Here is your day.",
            "Your Harbor day, %s: %d overdue, %d due today", "Overdue", "Due today", "Returning to the pool soon",
            "Repeat inquiries", "Open your agenda: %s", "To stop these e-mails, turn the daily digest off in your "
                    + "notification settings.",
            Map.of(FollowUpType.EMAIL, "E-mail", FollowUpType.SMS, "SMS", FollowUpType.CALL, "Call",
                    FollowUpType.CHAT, "Chat", FollowUpType.MEETING, "Meeting", FollowUpType.VISIT, "Visit",
                    FollowUpType.SAMPLE, "Sample", FollowUpType.QUOTATION, "Quotation", FollowUpType.NOTE, "Note"),
            "Follow up", "returns in %d days unless followed up", "sent another inquiry on %s", "due %s",
            DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH), "Your team’s customers about to return",
            "Gone back to the pool", "%s’s customer, returns on %s: %s", "%s and %d more",
            Map.of("NO_FOLLOW_UP", "no follow-up", "NO_DEAL", "no deal yet"), "Assigned to you", "assigned by %s",
            Map.of("", "handed out by the pool", "ROUND_ROBIN", "handed out by the pool in turn", "CAPACITY",
                    "handed out by the pool to whoever had most room", "RETURNING_BUYER",
                    "back to you: a returning buyer"));

    private static final Words ZH = new Words("%s，早上好。这是您今天的安排。",
            "Harbor 今日安排（%s）：逾期 %d 项，今日到期 %d 项", "已逾期", "今日到期", "即将退回公海", "重复询盘",
            "打开日程：%s", "如不想再收到此邮件，可在通知设置中关闭每日摘要。",
            Map.of(FollowUpType.EMAIL, "邮件", FollowUpType.SMS, "短信", FollowUpType.CALL, "电话",
                    FollowUpType.CHAT, "聊天", FollowUpType.MEETING, "会议", FollowUpType.VISIT, "拜访",
                    FollowUpType.SAMPLE, "样品", FollowUpType.QUOTATION, "报价", FollowUpType.NOTE, "备注"),
            "跟进", "%d 天内未跟进将退回公海", "于 %s 再次询盘", "%s 到期",
            DateTimeFormatter.ofPattern("M月d日 EEE", Locale.SIMPLIFIED_CHINESE), "团队中即将退回公海的客户",
            "已退回公海", "%s 的客户，将于 %s 退回：%s", "%s 等（另 %d 位）",
            Map.of("NO_FOLLOW_UP", "未跟进", "NO_DEAL", "尚未成交"), "分配给您的客户", "由 %s 分配",
            Map.of("", "由公海自动分配", "ROUND_ROBIN", "公海按轮流分配", "CAPACITY", "公海按剩余名额分配", "RETURNING_BUYER",
                    "老客户回归，分回给您"));

    /** Whether the agenda or the notices hold anything worth an e-mail. */
    static boolean hasNews(Agenda agenda, List<NotificationView> notices) {
        return !agenda.items().isEmpty() || !notices.isEmpty();
    }

    /**
     * {@code notices}: the person's unread notifications since their previous digest that the agenda does not carry
     * (a manager's copies of the ladder, and customers gone back to the pool), in the store's time zone {@code zone}.
     */
    static Rendered render(Agenda agenda, List<NotificationView> notices, String userName, StoreLanguage language,
            String agendaUrl, java.time.ZoneId zone) {
        Words w = language == StoreLanguage.ZH_CN ? ZH : EN;
        LocalDate today = agenda.today();
        List<Item> overdue = agenda.items().stream().filter(Item::overdue).toList();
        List<Item> dueToday = agenda.items().stream().filter(i -> !i.overdue()
                && (i.kind() == Kind.PLAN_STEP || i.kind() == Kind.NEXT_FOLLOW_UP) && i.dueOn().equals(today)).toList();
        List<Item> returning = agenda.items().stream().filter(i -> i.kind() == Kind.POOL_RETURN).toList();
        List<Item> inquiries = agenda.items().stream().filter(i -> i.kind() == Kind.REPEAT_INQUIRY).toList();
        String subject = w.subject().formatted(w.day().format(today), overdue.size(), dueToday.size());
        StringBuilder text = new StringBuilder(w.greeting().formatted(userName)).append("\n");
        StringBuilder html = new StringBuilder("<p>").append(escape(w.greeting().formatted(userName))).append("</p>");
        section(text, html, w.overdue(), overdue, w);
        section(text, html, w.today(), dueToday, w);
        section(text, html, w.returning(), returning, w);
        section(text, html, w.inquiries(), inquiries, w);
        lines(text, html, w.escalated(), notices.stream().filter(n -> n.kind() == NotificationDtos.Kind.POOL_RETURN_ESCALATION)
                .map(n -> n.customer().name() + " — " + w.escalatedLine().formatted(
                        n.owner() == null ? "?" : n.owner().name(), w.day().format(n.dueAt().atZone(zone)),
                        w.rules().getOrDefault(n.rule(), ""))).toList());
        lines(text, html, w.returned(), notices.stream().filter(n -> n.kind() == NotificationDtos.Kind.POOL_RETURNED)
                .map(n -> (n.customers() > 1 ? w.returnedMany().formatted(n.customer().name(), n.customers() - 1)
                        : n.customer().name()) + (n.rule() == null ? "" : " — " + w.rules().getOrDefault(n.rule(), "")))
                .toList());
        lines(text, html, w.assigned(), notices.stream().filter(n -> n.kind() == NotificationDtos.Kind.CUSTOMERS_ASSIGNED)
                .map(n -> (n.customers() > 1 ? w.returnedMany().formatted(n.customer().name(), n.customers() - 1)
                        : n.customer().name()) + " — " + (n.actor() != null ? w.assignedBy().formatted(n.actor().name())
                        : w.distributedBy().getOrDefault(n.rule() == null ? "" : n.rule(), w.distributedBy().get(""))))
                .toList());
        text.append("\n").append(w.open().formatted(agendaUrl)).append("\n\n").append(w.stop()).append("\n");
        html.append("<p><a href=\"").append(escape(agendaUrl)).append("\">")
                .append(escape(w.open().formatted(agendaUrl))).append("</a></p><p style=\"color:#666\">")
                .append(escape(w.stop())).append("</p>");
        return new Rendered(subject, text.toString(), html.toString());
    }

    private static void section(StringBuilder text, StringBuilder html, String title, List<Item> items, Words w) {
        lines(text, html, title, items.stream().map(item -> line(item, w)).toList());
    }

    private static void lines(StringBuilder text, StringBuilder html, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append("\n").append(title).append(" (").append(lines.size()).append(")\n");
        html.append("<h3>").append(escape(title)).append(" (").append(lines.size()).append(")</h3><ul>");
        for (String line : lines) {
            text.append("- ").append(line).append("\n");
            html.append("<li>").append(escape(line)).append("</li>");
        }
        html.append("</ul>");
    }

    private static String line(Item item, Words w) {
        String who = item.customerName() + (item.companyName() == null || item.companyName().isBlank() ? ""
                : " (" + item.companyName() + ")");
        return switch (item.kind()) {
            case PLAN_STEP -> w.types().get(item.taskType()) + " — " + who
                    + (item.note() == null || item.note().isBlank() ? "" : ": " + item.note())
                    + " · " + w.plannedFor().formatted(w.day().format(item.dueOn()));
            case NEXT_FOLLOW_UP -> w.followUp() + " — " + who + " · " + w.plannedFor().formatted(w.day().format(item.dueOn()));
            case POOL_RETURN -> who + " — " + w.returnsIn().formatted(item.daysLeft());
            case REPEAT_INQUIRY -> who + " — " + w.sentInquiry().formatted(w.day().format(item.dueOn()));
        };
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
