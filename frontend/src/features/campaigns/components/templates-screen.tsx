import { useEffect, useRef, useState } from 'react';
import { useNotify } from '@/components/toast';
import { useT } from '@/lib/i18n';
import type { MessageTemplate } from '../api/list-message-templates';
import { TemplateForm } from './template-form';
import { TemplatesTable } from './templates-table';

/** Settings → Message templates (managers and administrators): the texts campaigns and one-to-one messages start from. */
export function TemplatesScreen() {
  const t = useT();
  const [editing, setEditing] = useState<MessageTemplate | 'new' | null>(null);
  const notify = useNotify();
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
      </div>
      <div ref={formRef}>
        {editing ? (
          <TemplateForm
            key={editing === 'new' ? 'new' : editing.id}
            template={editing === 'new' ? null : editing}
            onSaved={(saved, created) => {
              notify({ message: t(created ? 'templates.created' : 'templates.saved', { name: saved.name }), tone: 'success' });
              close();
            }}
            onCancel={close}
          />
        ) : (
          <button
            ref={newRef}
            type="button"
            className="button-primary"
            onClick={() => setEditing('new')}
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
          onEdit={setEditing}
          onDeleted={(template) => {
            if (editing && editing !== 'new' && editing.id === template.id) setEditing(null);
            listTitleRef.current?.focus();
          }}
        />
      </section>
    </div>
  );
}
