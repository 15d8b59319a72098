import { useId, useMemo, useState } from 'react';
import { useController, useWatch } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import * as z from 'zod/mini';
import { Confirm } from '@/components/confirm';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { matching } from '@/lib/form-schemas';
import { LOCALE_NAMES, useFormatters, useT, type MessageKey, type MessageParams, type Translate } from '@/lib/i18n';
import { isProblem } from '@/lib/problem';
import { instantToWallTime, wallTimeToInstant } from '@/lib/zoned-time';
import { useCreateCampaign } from '../api/create-campaign';
import { useDryRunCampaign, type CampaignDryRun } from '../api/dry-run-campaign';
import type { Campaign, CampaignInput } from '../api/list-campaigns';
import { useMessageTemplates } from '../api/list-message-templates';
import { useReplaceCampaign } from '../api/replace-campaign';
import { useSendCampaign } from '../api/send-campaign';
import { channelLabel } from './campaign-parts';
import { DryRunResult } from './dry-run-result';
import { EMPTY_SEGMENT, SegmentFields, segmentOf, segmentStateOf, type SegmentState } from './segment-fields';

/** An instant as a datetime-local value: in the store's time zone when known, else the browser's. */
export function toLocalInput(iso: string, timeZone?: string): string {
  if (timeZone) return instantToWallTime(iso, timeZone);
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (the store's time zone when known, else the browser's) as an instant; null when not a time. */
function fromLocalInput(value: string, timeZone?: string): string | null {
  if (!value) return null;
  if (timeZone) return wallTimeToInstant(value, timeZone);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

interface PendingSend {
  body: CampaignInput;
  dryRun: CampaignDryRun;
}

/** What a check is for: a dry run needs no name yet; saving and sending do. */
type Intent = 'save' | 'dryRun';

/** One line, as the server takes names (no line breaks). */
const ONE_LINE = /^[^\r\n\x00]*$/;
/** The contract's limit on a segment's customer ids. */
const MAX_CUSTOMER_IDS = 10_000;

/**
 * The server's rules (CampaignRequest, CampaignService.check) in the same words: a name (for saving and sending),
 * a template, exactly one kind of segment that is complete, and a schedule that is a time.
 */
function campaignSchema(timeZone: string | undefined) {
  return z
    .object({
      intent: z.enum(['save', 'dryRun']),
      name: z.string().check(z.trim(), z.maxLength(120), matching(ONE_LINE)),
      templateId: z
        .string()
        .check(z.refine((value) => value !== '', { params: fieldMessageParams('campaigns.editor.templateRequired') })),
      segment: z.custom<SegmentState>().check(
        z.superRefine((segment, context) => {
          const built = segmentOf(segment);
          const problem = (path: string, key: MessageKey, values?: MessageParams) =>
            context.addIssue({ code: 'custom', path: [path], params: fieldMessageParams(key, values), input: segment });
          if (built.problem === 'noView') problem('viewId', 'campaigns.segment.viewRequired');
          if (built.problem === 'noIds') problem('ids', 'campaigns.segment.idsRequired');
          if (built.problem === 'badIds') {
            problem('ids', 'campaigns.segment.idsInvalid', { values: (built.invalid ?? []).slice(0, 5).join(', ') });
          }
          if ((built.segment?.customerIds?.length ?? 0) > MAX_CUSTOMER_IDS) {
            problem('ids', 'campaigns.segment.idsTooMany', { max: MAX_CUSTOMER_IDS });
          }
        }),
      ),
      scheduledAt: z.string().check(
        z.refine((value) => value === '' || fromLocalInput(value, timeZone) !== null, {
          params: fieldMessageParams('campaigns.editor.scheduleInvalid'),
        }),
      ),
      keepPoolTimers: z.boolean(),
    })
    .check(
      z.refine(({ intent, name }) => intent === 'dryRun' || name.trim() !== '', {
        path: ['name'],
        params: fieldMessageParams('fieldError.REQUIRED'),
        // Also when another field is wrong: one submit names every mistake.
        when: () => true,
      }),
    );
}

type CampaignFormValues = z.input<ReturnType<typeof campaignSchema>>;

/** Where the form shows a field the server named: pasted ids are the ids box, a filter's criteria the segment. */
function campaignFieldPath(field: string): string | null {
  if (field === 'segment.customerIds' || field.startsWith('segment.customerIds.')) return 'segment.ids';
  if (field.startsWith('segment.filter')) return 'segment';
  // No message is shown by the tick: the alert names it.
  if (field === 'keepPoolTimers' || field === 'intent') return null;
  return field;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'campaigns.editor.name',
  templateId: 'campaigns.editor.template',
  segment: 'campaigns.segment.title',
  scheduledAt: 'campaigns.editor.schedule',
  keepPoolTimers: 'campaigns.editor.keepPoolTimers',
};

function campaignFieldLabel(t: Translate, field: string): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

/**
 * A campaign to draft, change, try (dry run) and send: a name, a template (whose channel it takes), who it goes
 * to, and optionally when. Sending asks first, saying how many customers it goes to.
 */
export function CampaignEditor({ campaign, timeZone }: { campaign: Campaign | null; timeZone?: string }) {
  const t = useT();
  const format = useFormatters();
  const id = useId();
  const navigate = useNavigate();
  const templatesQuery = useMessageTemplates();
  const dryRunMutation = useDryRunCampaign();
  const createMutation = useCreateCampaign();
  const replaceMutation = useReplaceCampaign();
  const sendMutation = useSendCampaign();

  const schema = useMemo(() => campaignSchema(timeZone), [timeZone]);
  const form = useZodForm<CampaignFormValues, z.output<typeof schema>>(schema, {
    defaultValues: {
      intent: 'save',
      name: campaign?.name ?? '',
      templateId: campaign ? String(campaign.templateId) : '',
      segment: campaign ? segmentStateOf(campaign.segment) : EMPTY_SEGMENT,
      scheduledAt: campaign?.scheduledAt ? toLocalInput(campaign.scheduledAt, timeZone) : '',
      keepPoolTimers: campaign?.keepPoolTimers ?? false,
    },
    fieldLabel: campaignFieldLabel,
  });
  const { field: segmentField } = useController({ control: form.control, name: 'segment' });
  const [name, templateId, segment, scheduledAt, keepPoolTimers] = useWatch({
    control: form.control,
    name: ['name', 'templateId', 'segment', 'scheduledAt', 'keepPoolTimers'],
  });
  // The draft as the server has it (after a first save, sending again replaces it rather than adding another).
  const [draft, setDraft] = useState<Campaign | null>(campaign);
  const [actionError, setActionError] = useState<unknown>(null);
  const [nobody, setNobody] = useState(false);
  const [dryRun, setDryRun] = useState<{ result: CampaignDryRun; body: string } | null>(null);
  const [pendingSend, setPendingSend] = useState<PendingSend | null>(null);
  const [busy, setBusy] = useState(false);

  const templates = templatesQuery.data?.items ?? [];
  const template = templates.find((candidate) => String(candidate.id) === templateId) ?? null;
  const channel = template?.channel ?? campaign?.channel ?? null;

  const channelOff = isProblem(actionError, 'messaging-channel-off');
  const notDraft = isProblem(actionError, 'campaign-state');
  const dailyLimit = isProblem(actionError, 'daily-send-limit');
  const templateError = form.fieldError('templateId');
  const scheduleError = form.fieldError('scheduledAt');

  /** Checks the form for `intent` (every mistake shown by its field), then hands the request to `action`. */
  function whenValid(intent: Intent, action: (body: CampaignInput) => void) {
    setActionError(null);
    setNobody(false);
    form.setValue('intent', intent);
    void form.handleSubmit((values) => {
      const built = segmentOf(values.segment);
      if (!built.segment) return;
      action({
        // A dry run needs no name yet.
        name: values.name || (intent === 'dryRun' ? t('campaigns.editor.untitled') : ''),
        templateId: Number(values.templateId),
        segment: built.segment,
        scheduledAt: fromLocalInput(values.scheduledAt, timeZone),
        keepPoolTimers: values.keepPoolTimers,
      });
    })();
  }

  /** Saves the draft: added the first time, replaced (with its ETag) after. */
  async function persist(body: CampaignInput): Promise<Campaign> {
    const saved = draft ? await replaceMutation.mutateAsync({ campaign: draft, body }) : await createMutation.mutateAsync(body);
    setDraft(saved);
    return saved;
  }

  async function run(action: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setActionError(error);
      // A channel that is off, a campaign no longer a draft and the daily limit have their own words (below).
      const special =
        isProblem(error, 'messaging-channel-off') || isProblem(error, 'campaign-state') || isProblem(error, 'daily-send-limit');
      if (special) form.focusFirstError();
      else applyServerErrors(form, error, { fieldPath: campaignFieldPath });
    } finally {
      setBusy(false);
    }
  }

  function handleDryRun() {
    whenValid('dryRun', (body) => {
      setPendingSend(null);
      void run(async () => {
        const result = await dryRunMutation.mutateAsync(body);
        setDryRun({ result, body: JSON.stringify({ ...body, name: '' }) });
      });
    });
  }

  function handleSave() {
    whenValid('save', (body) => {
      setPendingSend(null);
      void run(async () => {
        const saved = await persist(body);
        void navigate(`/campaigns/${saved.id}`);
      });
    });
  }

  function handleSend() {
    whenValid('save', (body) => {
      void run(async () => {
        // The count the confirmation states is that of now.
        const result = await dryRunMutation.mutateAsync(body);
        setDryRun({ result, body: JSON.stringify({ ...body, name: '' }) });
        if (result.recipients === 0) {
          setNobody(true);
          return;
        }
        setPendingSend({ body, dryRun: result });
      });
    });
  }

  function confirmSend() {
    const pending = pendingSend;
    if (!pending) return;
    void run(async () => {
      try {
        const saved = await persist(pending.body);
        const sent = await sendMutation.mutateAsync(saved);
        void navigate(`/campaigns/${sent.id}`);
      } finally {
        setPendingSend(null);
      }
    });
  }

  const currentBody = useMemo(() => {
    const built = segmentOf(segment);
    return JSON.stringify({
      name: '',
      templateId: Number(templateId),
      segment: built.segment,
      scheduledAt: fromLocalInput(scheduledAt, timeZone),
      keepPoolTimers,
    });
  }, [segment, templateId, scheduledAt, keepPoolTimers, timeZone]);

  const scheduled = fromLocalInput(scheduledAt, timeZone);
  const skippedOf = (result: CampaignDryRun) => Object.values(result.skipped).reduce((sum, count) => sum + count, 0);
  let special409: string | null = null;
  if (channelOff) special409 = t(channel === 'SMS' ? 'campaigns.error.smsOff' : 'campaigns.error.emailOff');
  else if (notDraft) special409 = t('campaigns.error.notDraft');
  else if (dailyLimit) special409 = t('campaigns.error.dailyLimit');

  return (
    <div className="stack">
      <div>
        <p className="small">
          <Link to={campaign ? `/campaigns/${campaign.id}` : '/campaigns'}>
            {campaign ? t('campaigns.editor.backToCampaign') : t('campaigns.backToList')}
          </Link>
        </p>
        <h1>{campaign ? t('campaigns.editor.editTitle', { name: campaign.name }) : t('campaigns.editor.newTitle')}</h1>
        <p className="muted">{t('campaigns.editor.intro')}</p>
      </div>
      <section aria-labelledby={`${id}-form`} className="card">
        <h2 id={`${id}-form`} className="visually-hidden">
          {t('campaigns.editor.formTitle')}
        </h2>
        <form
          ref={form.formRef}
          onSubmit={(event) => {
            event.preventDefault();
            handleSave();
          }}
          noValidate
          aria-busy={busy}
          className="form campaign-form"
        >
          <TextField label={t('campaigns.editor.name')} maxLength={120} required autoComplete="off" {...form.field('name')} />
          <div className="field">
            <label htmlFor={`${id}-template`}>{t('campaigns.editor.template')}</label>
            {templatesQuery.isPending ? (
              <p role="status">{t('app.loading')}</p>
            ) : templates.length === 0 ? (
              <p className="muted">
                {t('campaigns.editor.noTemplates')} <Link to="/settings/templates">{t('campaigns.editor.toTemplates')}</Link>
              </p>
            ) : (
              <select
                id={`${id}-template`}
                aria-invalid={templateError ? true : undefined}
                aria-describedby={`${id}-template-hint${templateError ? ` ${id}-template-error` : ''}`}
                {...form.register('templateId')}
              >
                <option value="">{t('campaigns.editor.chooseTemplate')}</option>
                {templates.map((option) => (
                  <option key={option.id} value={option.id}>
                    {t('campaigns.editor.templateOption', {
                      name: option.name,
                      channel: channelLabel(t, option.channel),
                      language: LOCALE_NAMES[option.language],
                    })}
                  </option>
                ))}
              </select>
            )}
            <p id={`${id}-template-hint`} className="field-hint">
              {channel ? t('campaigns.editor.channelIs', { channel: channelLabel(t, channel) }) : t('campaigns.editor.templateHint')}
            </p>
            {templateError && (
              <p id={`${id}-template-error`} className="field-error">
                {templateError}
              </p>
            )}
          </div>
          <SegmentFields
            value={segmentField.value}
            onChange={segmentField.onChange}
            channel={channel}
            error={form.fieldError('segment')}
            viewError={form.fieldError('segment.viewId')}
            idsError={form.fieldError('segment.ids')}
          />
          <div className="field">
            <label htmlFor={`${id}-schedule`}>{t('campaigns.editor.schedule')}</label>
            <input
              id={`${id}-schedule`}
              type="datetime-local"
              aria-invalid={scheduleError ? true : undefined}
              aria-describedby={`${id}-schedule-hint${scheduleError ? ` ${id}-schedule-error` : ''}`}
              {...form.register('scheduledAt')}
            />
            <p id={`${id}-schedule-hint`} className="field-hint">
              {timeZone ? t('campaigns.editor.scheduleHintZone', { zone: timeZone }) : t('campaigns.editor.scheduleHint')}
            </p>
            {scheduleError && (
              <p id={`${id}-schedule-error`} className="field-error">
                {scheduleError}
              </p>
            )}
          </div>
          <div>
            <label className="checkbox-line">
              <input
                type="checkbox"
                aria-describedby={`${id}-keep-hint`}
                {...form.register('keepPoolTimers')}
              />
              {t('campaigns.editor.keepPoolTimers')}
            </label>
            <p id={`${id}-keep-hint`} className="field-hint">
              {t('campaigns.editor.keepPoolTimersHint')}
            </p>
          </div>

          {special409 ? (
            <div role="alert" tabIndex={-1} className="form-alert">
              <p>{special409}</p>
            </div>
          ) : nobody ? (
            <div role="alert" tabIndex={-1} className="form-alert">
              <p>{t('campaigns.editor.nobody')}</p>
            </div>
          ) : (
            <FormAlert alert={form.alert} />
          )}

          {pendingSend ? (
            <Confirm
              title={
                scheduled
                  ? t('campaigns.confirmSchedule.title', {
                      name: name.trim(),
                      when: format.dateTime(scheduled),
                      count: pendingSend.dryRun.recipients,
                    })
                  : t('campaigns.confirmSend.title', { name: name.trim(), count: pendingSend.dryRun.recipients })
              }
              description={t(scheduled ? 'campaigns.confirmSchedule.text' : 'campaigns.confirmSend.text', {
                skipped: skippedOf(pendingSend.dryRun),
              })}
              confirmLabel={
                busy
                  ? t('campaigns.editor.sending')
                  : t(scheduled ? 'campaigns.confirmSchedule.confirm' : 'campaigns.confirmSend.confirm', {
                      count: pendingSend.dryRun.recipients,
                    })
              }
              cancelLabel={t('common.cancel')}
              pending={busy}
              onConfirm={confirmSend}
              onCancel={() => setPendingSend(null)}
            />
          ) : (
            <div className="form-actions">
              <button type="button" aria-disabled={busy || undefined} onClick={handleDryRun}>
                {busy && dryRunMutation.isPending ? t('campaigns.editor.dryRunning') : t('campaigns.editor.dryRun')}
              </button>
              <button type="submit" className="campaign-save" aria-disabled={busy || undefined}>
                {busy && (createMutation.isPending || replaceMutation.isPending) ? t('campaigns.editor.saving') : t('campaigns.editor.saveDraft')}
              </button>
              <button type="button" className="button-primary" aria-disabled={busy || undefined} onClick={handleSend}>
                {scheduled ? t('campaigns.editor.schedule.submit') : t('campaigns.editor.sendNow')}
              </button>
            </div>
          )}
        </form>
      </section>
      {dryRun && <DryRunResult result={dryRun.result} outdated={dryRun.body !== currentBody} />}
    </div>
  );
}
