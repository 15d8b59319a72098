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
            String returnsIn, String sentInquiry, String plannedFor, DateTimeFormatter day) {
    }

    private static final Words EN = new Words("Good morning, %s. Here is your day.",
            "Your Harbor day, %s: %d overdue, %d due today", "Overdue", "Due today", "Returning to the pool soon",
            "Repeat inquiries", "Open your agenda: %s", "To stop these e-mails, turn the daily digest off in your "
                    + "notification settings.",
            Map.of(FollowUpType.EMAIL, "E-mail", FollowUpType.SMS, "SMS", FollowUpType.CALL, "Call",
                    FollowUpType.CHAT, "Chat", FollowUpType.MEETING, "Meeting", FollowUpType.VISIT, "Visit",
                    FollowUpType.SAMPLE, "Sample", FollowUpType.QUOTATION, "Quotation", FollowUpType.NOTE, "Note"),
            "Follow up", "returns in %d days unless followed up", "sent another inquiry on %s", "due %s",
            DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH));

    private static final Words ZH = new Words("%s，早上好。这是您今天的安排。",
            "Harbor 今日安排（%s）：逾期 %d 项，今日到期 %d 项", "已逾期", "今日到期", "即将退回公海", "重复询盘",
            "打开日程：%s", "如不想再收到此邮件，可在通知设置中关闭每日摘要。",
            Map.of(FollowUpType.EMAIL, "邮件", FollowUpType.SMS, "短信", FollowUpType.CALL, "电话",
                    FollowUpType.CHAT, "聊天", FollowUpType.MEETING, "会议", FollowUpType.VISIT, "拜访",
                    FollowUpType.SAMPLE, "样品", FollowUpType.QUOTATION, "报价", FollowUpType.NOTE, "备注"),
            "跟进", "%d 天内未跟进将退回公海", "于 %s 再次询盘", "%s 到期",
            DateTimeFormatter.ofPattern("M月d日 EEE", Locale.SIMPLIFIED_CHINESE));

    /** Whether the agenda holds anything worth an e-mail. */
    static boolean hasNews(Agenda agenda) {
        return !agenda.items().isEmpty();
    }

    static Rendered render(Agenda agenda, String userName, StoreLanguage language, String agendaUrl) {
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
        text.append("\n").append(w.open().formatted(agendaUrl)).append("\n\n").append(w.stop()).append("\n");
        html.append("<p><a href=\"").append(escape(agendaUrl)).append("\">")
                .append(escape(w.open().formatted(agendaUrl))).append("</a></p><p style=\"color:#666\">")
                .append(escape(w.stop())).append("</p>");
        return new Rendered(subject, text.toString(), html.toString());
    }

    private static void section(StringBuilder text, StringBuilder html, String title, List<Item> items, Words w) {
        if (items.isEmpty()) {
            return;
        }
        text.append("\n").append(title).append(" (").append(items.size()).append(")\n");
        html.append("<h3>").append(escape(title)).append(" (").append(items.size()).append(")</h3><ul>");
        for (Item item : items) {
            String line = line(item, w);
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
