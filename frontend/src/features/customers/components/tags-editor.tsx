import { useId, useState } from 'react';
import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import type { Customer } from '../api/list-customers';
import type { Tag } from '../api/list-tags';
import { useSetCustomerTags } from '../api/set-customer-tags';
import { TagChip } from './tag-chip';

/** The customer's tags; `readOnly` shows them without the controls (a rep's view of a pool customer). */
export function TagsEditor({
  customer,
  tags,
  readOnly = false,
}: {
  customer: Customer;
  tags: Tag[];
  readOnly?: boolean;
}) {
  const t = useT();
  const id = useId();
  const setTagsMutation = useSetCustomerTags();
  const [adding, setAdding] = useState('');
  const current = customer.tags;
  const available = tags.filter((tag) => !current.some((other) => other.id === tag.id));

  function save(tagIds: number[]) {
    setTagsMutation.mutate({ id: customer.id, tagIds }, { onSuccess: () => setAdding('') });
  }

  const failure = setTagsMutation.error ? errorMessage(setTagsMutation.error) : null;
  return (
    <div className="tags-editor" role="group" aria-labelledby={`${id}-title`}>
      <span id={`${id}-title`} className="muted">
        {t('customers.field.tags')}
      </span>
      <ul className="tag-list" aria-busy={setTagsMutation.isPending}>
        {current.length === 0 && <li className="muted">{t('customers.tags.none')}</li>}
        {current.map((tag) => (
          <li key={tag.id}>
            <TagChip tag={tag} />
            {!readOnly && (
              <button
                type="button"
                className="icon-button"
                aria-label={t('customers.tags.remove', { name: tag.name })}
                onClick={() => save(current.filter((other) => other.id !== tag.id).map((other) => other.id))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (adding) save([...current.map((tag) => tag.id), Number(adding)]);
          }}
        >
          <label htmlFor={`${id}-add`}>{t('customers.tags.add')}</label>
          <select id={`${id}-add`} value={adding} onChange={(event) => setAdding(event.target.value)}>
            <option value="">{t('customers.batch.chooseTag')}</option>
            {available.map((tag) => (
              <option key={tag.id} value={String(tag.id)}>
                {tag.group ? `${tag.group}: ${tag.name}` : tag.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!adding || setTagsMutation.isPending}>
            {t('customers.tags.addButton')}
          </button>
        </form>
      )}
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
    </div>
  );
}
