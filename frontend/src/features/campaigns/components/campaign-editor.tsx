import { instantToWallTime, wallTimeToInstant } from '@/lib/zoned-time';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Confirm } from '@/components/confirm';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { LOCALE_NAMES, useFormatters, useT } from '@/lib/i18n';
import { isProblem, type FieldErrors } from '@/lib/problem';
import { useCreateCampaign } from '../api/create-campaign';
import { useDryRunCampaign, type CampaignDryRun } from '../api/dry-run-campaign';
import type { Campaign, CampaignInput } from '../api/list-campaigns';
import { useMessageTemplates } from '../api/list-message-templates';
import { useReplaceCampaign } from '../api/replace-campaign';
import { useSendCampaign } from '../api/send-campaign';
import { channelLabel } from './campaign-parts';
import { DryRunResult } from './dry-run-result';
import { EMPTY_SEGMENT, SegmentFields, segmentOf, segmentStateOf, type SegmentState } from './segment-fields';

const FIELDS = ['name', 'templateId', 'segment', 'segment.viewId', 'segment.customerIds', 'scheduledAt', 'keepPoolTimers'] as const;

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

/**
 * A campaign to draft, change, try (dry run) and send: a name, a template (whose channel it takes), who it goes
 * to, and optionally when. Sending asks first, saying how many customers it goes to.
 */
export function CampaignEditor({ campaign, timeZone }: { campaign: Campaign | null; timeZone?: string }) {
  const t = useT();
  const format = useFormatters();
  const id = useId();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const templatesQuery = useMessageTemplates();
  const dryRunMutation = useDryRunCampaign();
  const createMutation = useCreateCampaign();
  const replaceMutation = useReplaceCampaign();
  const sendMutation = useSendCampaign();

  const [name, setName] = useState(campaign?.name ?? '');
  const [templateId, setTemplateId] = useState(campaign ? String(campaign.templateId) : '');
  const [segment, setSegment] = useState<SegmentState>(campaign ? segmentStateOf(campaign.segment) : EMPTY_SEGMENT);
  const [scheduledAt, setScheduledAt] = useState(campaign?.scheduledAt ? toLocalInput(campaign.scheduledAt, timeZone) : '');
  const [keepPoolTimers, setKeepPoolTimers] = useState(campaign?.keepPoolTimers ?? false);
  // The draft as the server has it (after a first save, sending again replaces it rather than adding another).
  const [draft, setDraft] = useState<Campaign | null>(campaign);
  const [actionError, setActionError] = useState<unknown>(null);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
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
  const special = channelOff || notDraft || dailyLimit;
  const { fieldErrors: serverErrors, alert } = useFormErrors(special ? null : actionError, FIELDS);
  const fieldErrors: Partial<Record<(typeof FIELDS)[number], string>> = { ...serverErrors, ...localErrors };
  useFocusOnError(formRef, actionError ?? (Object.keys(localErrors).length > 0 ? localErrors : null));

  /** The request as the form holds it, or null (with the reasons shown next to the fields). */
  function build(forDryRun: boolean): CampaignInput | null {
    const problems: FieldErrors = {};
    const built = segmentOf(segment);
    if (built.problem === 'noView') problems['segment.viewId'] = t('campaigns.segment.viewRequired');
    if (built.problem === 'noIds') problems['segment.customerIds'] = t('campaigns.segment.idsRequired');
    if (built.problem === 'badIds') {
      problems['segment.customerIds'] = t('campaigns.segment.idsInvalid', { values: (built.invalid ?? []).slice(0, 5).join(', ') });
    }
    if (!forDryRun && !name.trim()) problems.name = t('fieldError.REQUIRED');
    if (!templateId) problems.templateId = t('campaigns.editor.templateRequired');
    if (scheduledAt && !fromLocalInput(scheduledAt, timeZone)) problems.scheduledAt = t('campaigns.editor.scheduleInvalid');
    setLocalErrors(problems);
    setActionError(null);
    setNobody(false);
    if (Object.keys(problems).length > 0 || !built.segment) return null;
    return {
      // A dry run needs no name yet.
      name: name.trim() || (forDryRun ? t('campaigns.editor.untitled') : ''),
      templateId: Number(templateId),
      segment: built.segment,
      scheduledAt: fromLocalInput(scheduledAt, timeZone),
      keepPoolTimers,
    };
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
    } finally {
      setBusy(false);
    }
  }

  function handleDryRun() {
    const body = build(true);
    if (!body) return;
    setPendingSend(null);
    void run(async () => {
      const result = await dryRunMutation.mutateAsync(body);
      setDryRun({ result, body: JSON.stringify({ ...body, name: '' }) });
    });
  }

  function handleSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = build(false);
    if (!body) return;
    setPendingSend(null);
    void run(async () => {
      const saved = await persist(body);
      void navigate(`/campaigns/${saved.id}`);
    });
  }

  function handleSend() {
    const body = build(false);
    if (!body) return;
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
        <form ref={formRef} onSubmit={handleSave} noValidate aria-busy={busy} className="form campaign-form">
          <TextField
            label={t('campaigns.editor.name')}
            name="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={120}
            required
            autoComplete="off"
            error={fieldErrors.name}
          />
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
                value={templateId}
                onChange={(event) => setTemplateId(event.currentTarget.value)}
                aria-invalid={fieldErrors.templateId ? true : undefined}
                aria-describedby={`${id}-template-hint${fieldErrors.templateId ? ` ${id}-template-error` : ''}`}
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
            {fieldErrors.templateId && (
              <p id={`${id}-template-error`} className="field-error">
                {fieldErrors.templateId}
              </p>
            )}
          </div>
          <SegmentFields
            value={segment}
            onChange={setSegment}
            channel={channel}
            error={fieldErrors.segment}
            viewError={fieldErrors['segment.viewId']}
            idsError={fieldErrors['segment.customerIds']}
          />
          <div className="field">
            <label htmlFor={`${id}-schedule`}>{t('campaigns.editor.schedule')}</label>
            <input
              id={`${id}-schedule`}
              type="datetime-local"
              value={scheduledAt}
              onChange={(event) => setScheduledAt(event.currentTarget.value)}
              aria-invalid={fieldErrors.scheduledAt ? true : undefined}
              aria-describedby={`${id}-schedule-hint${fieldErrors.scheduledAt ? ` ${id}-schedule-error` : ''}`}
            />
            <p id={`${id}-schedule-hint`} className="field-hint">
              {timeZone ? t('campaigns.editor.scheduleHintZone', { zone: timeZone }) : t('campaigns.editor.scheduleHint')}
            </p>
            {fieldErrors.scheduledAt && (
              <p id={`${id}-schedule-error`} className="field-error">
                {fieldErrors.scheduledAt}
              </p>
            )}
          </div>
          <div>
            <label className="checkbox-line">
              <input
                type="checkbox"
                name="keepPoolTimers"
                checked={keepPoolTimers}
                onChange={(event) => setKeepPoolTimers(event.currentTarget.checked)}
                aria-describedby={`${id}-keep-hint`}
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
            <FormAlert alert={actionError ? alert : null} />
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
