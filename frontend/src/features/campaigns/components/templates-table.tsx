import { useEffect, useRef, useState } from 'react';
import { Confirm } from '@/components/confirm';
import { QueryError } from '@/components/query-error';
import { useNotify } from '@/components/toast';
import { TableScroll } from '@/components/table-scroll';
import { LOCALE_NAMES, useT } from '@/lib/i18n';
import { errorSentence, isProblem } from '@/lib/problem';
import { useDeleteMessageTemplate } from '../api/delete-message-template';
import { useMessageTemplates, type MessageTemplate } from '../api/list-message-templates';
import { channelLabel } from './campaign-parts';

function TemplateRow({
  template,
  editing,
  onEdit,
  onDeleted,
}: {
  template: MessageTemplate;
  editing: boolean;
  onEdit: (template: MessageTemplate) => void;
  onDeleted: (template: MessageTemplate) => void;
}) {
  const t = useT();
  const notify = useNotify();
  const deleteMutation = useDeleteMessageTemplate();
  const [confirming, setConfirming] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const name = template.name;

  useEffect(() => {
    if (confirming || !refocus.current) return;
    refocus.current = false;
    deleteRef.current?.focus();
  }, [confirming]);

  function remove() {
    deleteMutation.mutate(template, {
      onSuccess: () => {
        notify({ message: t('templates.deleted', { name }), tone: 'success' });
        onDeleted(template);
      },
      onError: (error) => {
        notify({
          message: isProblem(error, 'template-in-use')
            ? t('templates.inUse', { name })
            : t('templates.deleteFailed', { name, reason: errorSentence(t, error) }),
          tone: 'error',
        });
        refocus.current = true;
        setConfirming(false);
      },
    });
  }

  return (
    <tr>
      <th scope="row" className="wrap-anywhere">
        {name}
      </th>
      <td data-label={t('templates.column.channel')}>{channelLabel(t, template.channel)}</td>
      <td data-label={t('templates.column.language')} lang={template.language}>
        {LOCALE_NAMES[template.language]}
      </td>
      <td data-label={t('templates.column.subject')} className="wrap-anywhere">
        {template.subject || <span className="muted">—</span>}
      </td>
      <td className="row-action template-row-actions">
        {confirming ? (
          <Confirm
            title={t('templates.confirmDelete', { name })}
            description={t('templates.confirmDeleteText')}
            confirmLabel={deleteMutation.isPending ? t('templates.deleting') : t('templates.delete')}
            cancelLabel={t('common.cancel')}
            danger
            pending={deleteMutation.isPending}
            onConfirm={remove}
            onCancel={() => {
              refocus.current = true;
              setConfirming(false);
            }}
          />
        ) : (
          <div className="row-actions wrap">
            <button type="button" aria-label={t('templates.editFor', { name })} aria-expanded={editing} onClick={() => onEdit(template)}>
              {t('templates.edit')}
            </button>
            <button
              ref={deleteRef}
              type="button"
              className="danger"
              aria-label={t('templates.deleteFor', { name })}
              onClick={() => setConfirming(true)}
            >
              {t('templates.delete')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

/** The store's templates by name: a table, and on a phone one card per template. */
export function TemplatesTable({
  labelledBy,
  editingId,
  onEdit,
  onDeleted,
}: {
  labelledBy: string;
  editingId: number | null;
  onEdit: (template: MessageTemplate) => void;
  onDeleted: (template: MessageTemplate) => void;
}) {
  const t = useT();
  const templatesQuery = useMessageTemplates();
  if (templatesQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (templatesQuery.isError) return <QueryError error={templatesQuery.error} onRetry={() => void templatesQuery.refetch()} />;
  const templates = templatesQuery.data.items;
  if (templates.length === 0) return <p className="muted">{t('templates.empty')}</p>;
  return (
    <div className="table-cards table-cards-plain templates-table">
      <TableScroll labelledBy={labelledBy}>
        <table aria-labelledby={labelledBy}>
          <thead>
            <tr>
              <th scope="col">{t('templates.column.name')}</th>
              <th scope="col">{t('templates.column.channel')}</th>
              <th scope="col">{t('templates.column.language')}</th>
              <th scope="col">{t('templates.column.subject')}</th>
              <th scope="col">{t('templates.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => (
              <TemplateRow
                key={template.id}
                template={template}
                editing={editingId === template.id}
                onEdit={onEdit}
                onDeleted={onDeleted}
              />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
