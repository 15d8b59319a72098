-- message.delivered for webhook subscribers (webhook/): written in the transaction that records a provider's report,
-- as V88's triggers write the other events. A store without a subscription to it pays one index probe.
create function webhook_message_delivered() returns trigger language plpgsql as $$
begin
    if webhook_listening(new.store_id, 'message.delivered') then
        insert into webhook_messages (store_id, event_type, customer_id, occurred_at, data)
        values (new.store_id, 'message.delivered', new.customer_id, new.updated_at,
                jsonb_build_object('messageId', new.id, 'customerId', new.customer_id, 'channel', new.channel,
                                   'campaignId', new.campaign_id, 'address', new.address,
                                   'sentAt', new.sent_at, 'providerId', new.provider_id));
    end if;
    return null;
end $$;
create trigger messages_webhooks after update of status on messages
    for each row when (new.status = 'DELIVERED' and old.status is distinct from 'DELIVERED' and new.direction = 'OUT')
    execute function webhook_message_delivered();
