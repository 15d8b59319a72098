import { useId, useRef, useState } from 'react';
import { Confirm } from '@/components/confirm';
import { FormAlert } from '@/components/form/form-alert';
import { useZodForm } from '@/components/form/use-zod-form';
import { QueryError } from '@/components/query-error';
import { useNotify } from '@/components/toast';
import { STAGES } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import { useDeleteStageTemplate } from '../api/delete-stage-template';
import { useStageTemplates } from '../api/list-stage-templates';
import { usePutStageTemplate } from '../api/put-stage-template';
import type { CustomerStage, StageTemplate } from '../api/types';
import { cadenceFromDraft, draftFromCadence, emptyDraft, templateSchema } from '../lib/cadence-draft';
import { describeCadence } from '../lib/describe-cadence';
import { applyPlanServerErrors, planFieldLabel } from '../lib/plan-errors';
import { CadenceFields } from './cadence-fields';

/** A stage's template being written: the same cadence fields as a plan's, the days counted from entering the stage. */
function TemplateForm({
  stage,
  template,
  onSaved,
  onCancel,
}: {
  stage: CustomerStage;
  template: StageTemplate | undefined;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const putMutation = usePutStageTemplate();
  const form = useZodForm(templateSchema, {
    // A template has no days of its own: they stay empty, and are not sent.
    defaultValues: { cadence: template ? draftFromCadence(template.cadence) : emptyDraft(), startsOn: '', endsOn: '' },
    fieldLabel: planFieldLabel,
  });

  const handleSubmit = form.handleSubmit((draft) => {
    const cadence = cadenceFromDraft(draft.cadence);
    if (putMutation.isPending || !cadence) return;
    putMutation.mutate(
      { stage, cadence },
      { onSuccess: onSaved, onError: (error) => applyPlanServerErrors(form, error, { withDays: false }) },
    );
  });

  return (
    <form
      ref={form.formRef}
      className="form form-columns plan-template-form"
      onSubmit={handleSubmit}
      noValidate
      aria-busy={putMutation.isPending}
      aria-label={t('plans.templates.formLabel', { stage: t(`stage.${stage}`) })}
    >
      <CadenceFields form={form} startHint={t('plans.templates.startHint')} />
      <FormAlert alert={form.alert} />
      <div className="form-actions">
        <button type="submit" disabled={putMutation.isPending}>
          {putMutation.isPending ? t('plans.form.saving') : t('plans.templates.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function StageRow({ stage, template }: { stage: CustomerStage; template: StageTemplate | undefined }) {
  const t = useT();
  const notify = useNotify();
  const titleId = useId();
  const deleteMutation = useDeleteStageTemplate();
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const name = t(`stage.${stage}`);
  const failure = deleteMutation.error ? errorMessage(deleteMutation.error) : null;

  function backToView() {
    setMode('view');
    requestAnimationFrame(() => editButtonRef.current?.focus());
  }

  return (
    <li className="plan-template-row" aria-labelledby={titleId}>
      <div className="plan-template-head">
        <h3 id={titleId}>{name}</h3>
        <p className={template ? 'plan-template-text' : 'muted plan-template-text'}>
          {template ? describeCadence(template.cadence, t) : t('plans.templates.none')}
        </p>
        {template?.cadence.note && <p className="muted small plan-note">{template.cadence.note}</p>}
      </div>
      {mode === 'view' && (
        <span className="row-actions wrap">
          <button
            type="button"
            ref={editButtonRef}
            aria-label={t(template ? 'plans.templates.editLabel' : 'plans.templates.setUpLabel', { stage: name })}
            onClick={() => {
              deleteMutation.reset();
              setMode('edit');
            }}
          >
            {t(template ? 'plans.templates.edit' : 'plans.templates.setUp')}
          </button>
          {template && (
            <button
              type="button"
              className="danger"
              aria-label={t('plans.templates.removeLabel', { stage: name })}
              onClick={() => {
                deleteMutation.reset();
                setMode('remove');
              }}
            >
              {t('plans.templates.remove')}
            </button>
          )}
        </span>
      )}
      {mode === 'edit' && (
        <TemplateForm
          stage={stage}
          template={template}
          onSaved={() => {
            backToView();
            notify({ message: t('plans.templates.saved', { stage: name }), tone: 'success' });
          }}
          onCancel={backToView}
        />
      )}
      {mode === 'remove' && (
        <Confirm
          title={t('plans.templates.removeConfirm', { stage: name })}
          description={t('plans.templates.removeConfirmText')}
          confirmLabel={t('plans.templates.remove')}
          cancelLabel={t('common.cancel')}
          danger
          pending={deleteMutation.isPending}
          onConfirm={() =>
            deleteMutation.mutate(stage, {
              onSuccess: () => notify({ message: t('plans.templates.removed', { stage: name }), tone: 'success' }),
              onSettled: () => setMode('view'),
            })
          }
          onCancel={backToView}
        />
      )}
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
    </li>
  );
}

/** Settings → Plan templates: each stage's default follow-up plan, for administrators. */
export function StageTemplatesScreen() {
  const t = useT();
  const templatesQuery = useStageTemplates();

  let list;
  if (templatesQuery.isPending) list = <p role="status">{t('app.loading')}</p>;
  else if (templatesQuery.isError) list = <QueryError error={templatesQuery.error} onRetry={() => void templatesQuery.refetch()} />;
  else {
    const templates = templatesQuery.data.items;
    list = (
      <ul className="settings-list plan-template-list" aria-labelledby="plan-templates-list-title">
        {STAGES.map((stage) => (
          <StageRow key={stage} stage={stage} template={templates.find((template) => template.stage === stage)} />
        ))}
      </ul>
    );
  }

  return (
    <div className="stack">
      <div>
        <h1>{t('plans.templates.title')}</h1>
        <p className="muted">{t('plans.templates.intro')}</p>
      </div>
      <section aria-labelledby="plan-templates-list-title" className="card">
        <h2 id="plan-templates-list-title">{t('plans.templates.listTitle')}</h2>
        {list}
      </section>
    </div>
  );
}
