import type { CampaignDryRun } from '../api/dry-run-campaign';
import type { Campaign } from '../api/list-campaigns';
import type { MessageTemplate } from '../api/list-message-templates';

/** Shared by the campaign screens' tests. */
export const PROBLEMS = 'https://harbor-crm.dev/problems';

export const emailTemplate: MessageTemplate = {
  id: 3,
  name: 'Spring offer',
  channel: 'EMAIL',
  language: 'en',
  subject: 'New pumps for {{companyName}}',
  body: 'Dear {{name|there}},\n\nour spring catalogue is out.',
  createdAt: '2025-03-01T08:00:00Z',
  updatedAt: '2025-03-01T08:00:00Z',
  version: 4,
};

export const smsTemplate: MessageTemplate = {
  ...emailTemplate,
  id: 5,
  name: 'Fair reminder',
  channel: 'SMS',
  subject: null,
  body: '{{name}}, the fair starts tomorrow.',
};

export const dryRunResult: CampaignDryRun = {
  recipients: 1234,
  skipped: { NO_ADDRESS: 30, NO_CONSENT: 5, UNSUBSCRIBED: 2, DUPLICATE_ADDRESS: 1 },
  sampleCustomerId: 40,
  sample: {
    subject: 'New pumps for Schmidt GmbH',
    text: 'Dear Anna Schmidt,\n\nour spring catalogue is out.',
    html: '<p>Dear Anna Schmidt,</p><p>our spring catalogue is out.</p>',
  },
};

export const draft: Campaign = {
  id: 77,
  name: 'Spring push',
  channel: 'EMAIL',
  templateId: 3,
  templateName: 'Spring offer',
  segment: { viewId: 12 },
  status: 'DRAFT',
  scheduledAt: null,
  keepPoolTimers: false,
  counts: { recipients: 0, queued: 0, sent: 0, delivered: 0, bounced: 0, failed: 0, skipped: 0, cancelled: 0 },
  createdBy: 1,
  createdByName: 'Li Na',
  createdAt: '2025-03-10T08:00:00Z',
  startedAt: null,
  finishedAt: null,
  version: 0,
};

export const sending: Campaign = {
  ...draft,
  status: 'SENDING',
  startedAt: '2025-03-10T09:00:00Z',
  counts: { recipients: 110, queued: 90, sent: 8, delivered: 1, bounced: 0, failed: 1, skipped: 10, cancelled: 0 },
  version: 1,
};
