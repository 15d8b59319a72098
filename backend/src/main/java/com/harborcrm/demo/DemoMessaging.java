package com.harborcrm.demo;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.harborcrm.common.security.Role;
import com.harborcrm.common.security.ServerSideActor;
import com.harborcrm.common.tenancy.StoreWork;
import com.harborcrm.messaging.ConsentService;
import com.harborcrm.messaging.ConsentSource;
import com.harborcrm.messaging.MessageChannel;
import com.harborcrm.messaging.MessagingDtos.EmailSettingsInput;
import com.harborcrm.messaging.MessagingDtos.SmsSettingsInput;
import com.harborcrm.messaging.MessagingDtos.TemplateRequest;
import com.harborcrm.messaging.MessagingDtos.UpdateSettingsRequest;
import com.harborcrm.messaging.MessagingSettingsService;
import com.harborcrm.messaging.SmtpSecurity;
import com.harborcrm.messaging.TemplateService;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Points the demo store's e-mail at the local mail catcher `make run` starts, with a few templates and the consent
 * of most customers, so a newcomer can send a message or a campaign and read it in the catcher's inbox.
 */
@ApplicationScoped
public class DemoMessaging {

    private static final Logger LOG = Logger.getLogger(DemoMessaging.class);

    @Inject
    StoreWork storeWork;

    @Inject
    ServerSideActor actor;

    @Inject
    EntityManager em;

    @Inject
    MessagingSettingsService settings;

    @Inject
    TemplateService templates;

    @Inject
    ConsentService consents;

    public void connect(long storeId, String adminEmail, int smtpPort) {
        storeWork.inStore(storeId, () -> {
            QuarkusTransaction.requiringNew().run(() -> {
                Object admin = em.createNativeQuery("select id from users where store_id = ?1 and email = ?2")
                        .setParameter(1, storeId).setParameter(2, adminEmail).getSingleResult();
                actor.actAs(((Number) admin).longValue(), Role.ADMIN);
                var current = settings.view();
                if (current.email().enabled() && Integer.valueOf(smtpPort).equals(current.email().port())) {
                    return;
                }
                String storeName = (String) em.createNativeQuery("select name from stores where id = ?1")
                        .setParameter(1, storeId).getSingleResult();
                settings.update(new UpdateSettingsRequest(
                        new EmailSettingsInput(true, "127.0.0.1", smtpPort, SmtpSecurity.NONE, null, null,
                                "sales@demo.harbor-crm.dev", storeName, null),
                        new SmsSettingsInput(false, null, null, null, null), 2000, 500, 600), null);
                if (templates.list().isEmpty()) {
                    for (TemplateRequest template : TEMPLATES) {
                        templates.create(template);
                    }
                }
                @SuppressWarnings("unchecked")
                List<Number> reachable = em.createNativeQuery("select id from customers where store_id = ?1 "
                        + "and email is not null and id % 5 <> 0").setParameter(1, storeId).getResultList();
                int consented = consents.recordMany(reachable.stream().map(Number::longValue).toList(),
                        MessageChannel.EMAIL, true, ConsentSource.IMPORT);
                LOG.infof("Demo store e-mail goes to the local mail catcher on port %d (%d customers agreed to "
                        + "campaign e-mail)", smtpPort, consented);
            });
            return null;
        });
    }

    private static final List<TemplateRequest> TEMPLATES = List.of(
            new TemplateRequest("Quotation follow-up", MessageChannel.EMAIL, "en", "Your quotation from {{store.name}}",
                    "Dear {{name|customer}},\n\nThank you for your inquiry. Did the quotation we sent reach "
                            + "{{companyName|you}}? I am happy to adjust quantities or terms.\n\nBest regards,\n"
                            + "{{owner.name}}\n{{store.name}}"),
            new TemplateRequest("Quotation follow-up", MessageChannel.EMAIL, "zh-CN", "{{store.name}}的报价",
                    "{{name|您好}}：\n\n感谢您的询盘。我们发送的报价您收到了吗？数量和条款都可以再商量。\n\n"
                            + "{{owner.name}}\n{{store.name}}"),
            new TemplateRequest("Trade fair invitation", MessageChannel.EMAIL, "en",
                    "Meet {{store.name}} at the Canton Fair",
                    "Dear {{name|customer}},\n\nWe will show our new hinge range at the Canton Fair, booth 12.3 C21. "
                            + "Drop by and see the samples.\n\n{{owner.name|The sales team}}"),
            new TemplateRequest("Samples shipped", MessageChannel.SMS, "en", null,
                    "{{store.name}}: your samples shipped today. Questions? Reply to this message."));
}
