import { useParams } from 'react-router';
import { CreateCustomerScreen } from '@/features/customers/components/create-customer-screen';
import { CustomerDetailScreen } from '@/features/customers/components/customer-detail-screen';
import { CustomersScreen } from '@/features/customers/components/customers-screen';
import { CustomerMessaging } from '@/features/messaging/components/customer-messaging';
import { CustomerOrders } from '@/features/orders/components/customer-orders';
import { CustomerPlans } from '@/features/plans/components/customer-plans';
import { PlanSelection } from '@/features/plans/components/plan-selection';
import { idOf, UnknownAddress } from '../components/address-id';
import { WithMe } from '../components/with-me';

export function CustomersRoute() {
  return (
    <WithMe>
      {(me) => (
        <CustomersScreen
          role={me.user.role}
          me={me.user}
          timeZone={me.store.timeZone}
          // Follow-up plans are their own feature: the list's batch bar offers them for the selection.
          batchPlanAction={(selection, count, close) => (
            <PlanSelection
              selection={selection}
              count={count}
              timeZone={me.store.timeZone}
              onDone={(_result, said) => close(said)}
              onCancel={() => close()}
            />
          )}
        />
      )}
    </WithMe>
  );
}

export function NewCustomerRoute() {
  return <CreateCustomerScreen />;
}

export function CustomerRoute() {
  const customerId = idOf(useParams().id);
  if (customerId === null) return <UnknownAddress />;
  return (
    <WithMe>
      {(me) => (
        <CustomerDetailScreen
          key={customerId}
          customerId={customerId}
          role={me.user.role}
          meId={me.user.id}
          // The orders are their own feature: the app puts them on the customer's page.
          ordersSection={(customer, readOnly) => <CustomerOrders customerId={customer.id} readOnly={readOnly} />}
          // So are the follow-up plans, right after the follow-ups; read again when the customer changes (a follow-up
          // completes a task, a stage starts or ends a template's plan, the pool pauses plans).
          plansSection={(customer, readOnly) => (
            <CustomerPlans
              customerId={customer.id}
              readOnly={readOnly}
              timeZone={me.store.timeZone}
              refreshKey={`${customer.version}:${customer.stage}:${customer.ownerId ?? ''}:${customer.lastFollowUpAt ?? ''}`}
            />
          )}
          // So are e-mail and SMS, beside the follow-ups.
          messagingSection={(customer, readOnly) => (
            <CustomerMessaging customer={customer} readOnly={readOnly} canSetUp={me.user.role === 'ADMIN'} />
          )}
        />
      )}
    </WithMe>
  );
}
