import { useId } from 'react';
import { Combobox } from '@/components/combobox';
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
  const current = customer.tags;
  const available = tags.filter((tag) => !current.some((other) => other.id === tag.id));

  function save(tagIds: number[]) {
    setTagsMutation.mutate({ id: customer.id, tagIds });
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
        // A store may have many tags: found by typing, added as soon as one is chosen.
        <Combobox
          label={t('customers.tags.add')}
          options={available.map((tag) => ({ value: String(tag.id), label: tag.group ? `${tag.group}: ${tag.name}` : tag.name }))}
          value=""
          onChange={(tagId) => {
            if (tagId && !setTagsMutation.isPending) save([...current.map((tag) => tag.id), Number(tagId)]);
          }}
          searchLabel={t('combobox.searchTags')}
          placeholder={t('combobox.chooseTag')}
        />
      )}
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
    </div>
  );
}
