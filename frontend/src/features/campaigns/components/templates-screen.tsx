import { useEffect, useRef, useState } from 'react';
import { useT } from '@/lib/i18n';
import type { MessageTemplate } from '../api/list-message-templates';
import type { Feedback } from './campaign-parts';
import { TemplateForm } from './template-form';
import { TemplatesTable } from './templates-table';

/** Settings → Message templates (managers and administrators): the texts campaigns and one-to-one messages start from. */
export function TemplatesScreen() {
  const t = useT();
  const [editing, setEditing] = useState<MessageTemplate | 'new' | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const newRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const listTitleRef = useRef<HTMLHeadingElement>(null);
  const refocusNew = useRef(false);

  useEffect(() => {
    if (editing) {
      formRef.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
    } else if (refocusNew.current) {
      refocusNew.current = false;
      newRef.current?.focus();
    }
  }, [editing]);

  function close() {
    refocusNew.current = true;
    setEditing(null);
  }

  return (
    <div className="stack">
      <div>
        <h1>{t('templates.title')}</h1>
        <p className="muted">{t('templates.intro')}</p>
        {/* Always rendered, so screen readers announce what appears in it. */}
        <div role="status" className="feedback">
          {feedback?.tone === 'success' && feedback.text(t)}
        </div>
        {feedback?.tone === 'error' && (
          <div role="alert" className="form-alert">
            <p>{feedback.text(t)}</p>
          </div>
        )}
      </div>
      <div ref={formRef}>
        {editing ? (
          <TemplateForm
            key={editing === 'new' ? 'new' : editing.id}
            template={editing === 'new' ? null : editing}
            onSaved={(saved, created) => {
              setFeedback({ tone: 'success', text: (t) => t(created ? 'templates.created' : 'templates.saved', { name: saved.name }) });
              close();
            }}
            onCancel={close}
          />
        ) : (
          <button
            ref={newRef}
            type="button"
            className="button-primary"
            onClick={() => {
              setFeedback(null);
              setEditing('new');
            }}
          >
            {t('templates.new')}
          </button>
        )}
      </div>
      <section aria-labelledby="templates-list-title" className="card">
        <h2 id="templates-list-title" ref={listTitleRef} tabIndex={-1}>
          {t('templates.listTitle')}
        </h2>
        <TemplatesTable
          labelledBy="templates-list-title"
          editingId={editing && editing !== 'new' ? editing.id : null}
          onEdit={(template) => {
            setFeedback(null);
            setEditing(template);
          }}
          onFeedback={setFeedback}
          onDeleted={(template) => {
            if (editing && editing !== 'new' && editing.id === template.id) setEditing(null);
            listTitleRef.current?.focus();
          }}
        />
      </section>
    </div>
  );
}
