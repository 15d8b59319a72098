import { useState } from 'react';
import { QueryError } from '@/components/query-error';
import { useNotify } from '@/components/toast';
import { useT } from '@/lib/i18n';
import { useMessagingSettings } from '../api/get-messaging-settings';
import { InboundBox } from './inbound-box';
import { MessagingSettingsForm } from './messaging-settings-form';
import { TestMessageBox } from './test-message-box';

/**
 * Settings → Messaging (administrators): the store's e-mail (SMTP) and SMS channels, daily caps and campaign pace,
 * a test per channel, and where providers report deliveries and replies.
 */
export function MessagingSettingsScreen() {
  const t = useT();
  const settingsQuery = useMessagingSettings();
  // A new form (fresh fields, secrets back to "stored") after each save and on reload.
  const [formKey, setFormKey] = useState(0);
  const notify = useNotify();

  let content;
  if (settingsQuery.isPending) content = <p role="status">{t('app.loading')}</p>;
  else if (settingsQuery.isError) content = <QueryError error={settingsQuery.error} onRetry={() => void settingsQuery.refetch()} />;
  else {
    const { settings, etag } = settingsQuery.data;
    content = (
      <>
        {!settings.secretsStorable && (
          <div role="note" className="messaging-warning">
            <p>{t('messagingSettings.noKey', { variable: 'HARBOR_MESSAGING_ENCRYPTION_KEY' })}</p>
          </div>
        )}
        <section aria-labelledby="messaging-channels-title" className="card">
          <h2 id="messaging-channels-title">{t('messagingSettings.channelsTitle')}</h2>
          <MessagingSettingsForm
            key={formKey}
            settings={settings}
            etag={etag}
            onSaved={() => {
              notify({ message: t('messagingSettings.saved'), tone: 'success' });
              setFormKey((key) => key + 1);
            }}
            onReload={() => {
              void settingsQuery.refetch().then(() => setFormKey((key) => key + 1));
            }}
          />
        </section>
        <section aria-labelledby="messaging-test-title" className="card stack-tight">
          <h2 id="messaging-test-title">{t('messagingSettings.test.title')}</h2>
          <p className="muted">{t('messagingSettings.test.intro')}</p>
          <TestMessageBox channel="EMAIL" />
          <TestMessageBox channel="SMS" />
        </section>
        <InboundBox settings={settings} />
      </>
    );
  }

  return (
    <div className="stack">
      <div>
        <h1>{t('messagingSettings.title')}</h1>
        <p className="muted">{t('messagingSettings.intro')}</p>
      </div>
      {content}
    </div>
  );
}
