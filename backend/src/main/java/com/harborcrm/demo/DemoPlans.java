package com.harborcrm.demo;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.harborcrm.common.security.Role;
import com.harborcrm.common.security.ServerSideActor;
import com.harborcrm.common.tenancy.StoreWork;
import com.harborcrm.customer.CustomerStage;
import com.harborcrm.followup.FollowUpType;
import com.harborcrm.plan.PlanDtos.Cadence;
import com.harborcrm.plan.PlanDtos.CadenceInput;
import com.harborcrm.plan.PlanDtos.CreatePlanRequest;
import com.harborcrm.plan.PlanDtos.Step;
import com.harborcrm.plan.PlanDtos.Unit;
import com.harborcrm.plan.PlanService;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Planning in the demo store, through the real services: the admin's default plan for SAMPLE_ORDER (call after 7
 * days, then every 14), a few plans of the first rep's customers (a weekly call, an e-mail/call/quotation sequence)
 * so that the agenda, the rep's start page, has something of each kind, and the reps in two teams for the feed.
 */
@ApplicationScoped
public class DemoPlans {

    @Inject
    StoreWork storeWork;

    @Inject
    ServerSideActor actor;

    @Inject
    EntityManager em;

    @Inject
    PlanService plans;

    public void plan(DemoStory.Cast cast) {
        storeWork.inStore(cast.storeId(), () -> {
            QuarkusTransaction.requiringNew().run(() -> {
                actor.actAs(cast.adminId(), Role.ADMIN);
                plans.putTemplate(CustomerStage.SAMPLE_ORDER, new CadenceInput(Cadence.INTERVAL, 14, Unit.DAYS, 7,
                        null, null, FollowUpType.CALL, "Ask how the samples tested", null));
                for (int i = 0; i < cast.repIds().size(); i++) {
                    em.createNativeQuery("update users set team = ?3 where store_id = ?1 and id = ?2")
                            .setParameter(1, cast.storeId()).setParameter(2, cast.repIds().get(i))
                            .setParameter(3, i % 2 == 0 ? "East" : "West").executeUpdate();
                }
                long rep = cast.repIds().get(0);
                actor.actAs(rep, Role.REP);
                @SuppressWarnings("unchecked")
                List<Number> customers = em.createNativeQuery("""
                        select c.id from customer_owners o join customers c on c.store_id = o.store_id and c.id = o.customer_id
                        where o.store_id = ?1 and o.owner_id = ?2 and c.status = 'ACTIVE'
                        order by c.potential_score desc, c.id limit 4""")
                        .setParameter(1, cast.storeId()).setParameter(2, rep).getResultList();
                for (int i = 0; i < customers.size(); i++) {
                    CadenceInput cadence = i % 2 == 0
                            ? new CadenceInput(Cadence.INTERVAL, 1, Unit.WEEKS, null, null, null, FollowUpType.CALL,
                                    "Weekly check-in on the open quotation", null)
                            : new CadenceInput(Cadence.SEQUENCE, null, null, null, null, List.of(
                                    new Step(0, FollowUpType.EMAIL, "Send the new catalogue"),
                                    new Step(3, FollowUpType.CALL, "Call about the catalogue"),
                                    new Step(10, FollowUpType.QUOTATION, "Quote the chosen models")),
                                    null, null, null);
                    plans.create(customers.get(i).longValue(), new CreatePlanRequest(cadence, null, null));
                }
            });
            return null;
        });
    }
}
