import { useId } from 'react';
import { useT, type MessageKey, type Translate } from '@/lib/i18n';
import { usePlaceholders, type Placeholder } from '../api/list-placeholders';

const KNOWN: Record<string, MessageKey> = {
  name: 'templates.placeholder.name',
  companyName: 'templates.placeholder.companyName',
  position: 'templates.placeholder.position',
  email: 'templates.placeholder.email',
  country: 'templates.placeholder.country',
  city: 'templates.placeholder.city',
  website: 'templates.placeholder.website',
  'owner.name': 'templates.placeholder.owner.name',
  'owner.email': 'templates.placeholder.owner.email',
  'store.name': 'templates.placeholder.store.name',
  unsubscribeUrl: 'templates.placeholder.unsubscribeUrl',
};

/** What a placeholder stands for, in the reader's words; a custom field's (or a newer one's) as the server says it. */
export function placeholderDescription(t: Translate, placeholder: Placeholder): string {
  const key = KNOWN[placeholder.key];
  return key ? t(key) : placeholder.description;
}

/** `{{key}}` as written in a template. */
export function placeholderToken(key: string): string {
  return `{{${key}}}`;
}

/** The placeholders a template may use, as buttons that insert one where the cursor is. */
export function PlaceholderPalette({ onInsert }: { onInsert: (key: string) => void }) {
  const t = useT();
  const id = useId();
  const placeholdersQuery = usePlaceholders();
  return (
    <div role="group" aria-labelledby={`${id}-title`} className="placeholder-palette">
      <p id={`${id}-title`} className="placeholder-palette-title">
        {t('templates.placeholders.title')}
      </p>
      <p className="field-hint">{t('templates.placeholders.hint', { example: '{{name|there}}' })}</p>
      {placeholdersQuery.isPending && <p className="muted small">{t('app.loading')}</p>}
      {placeholdersQuery.isError && (
        <p role="alert" className="field-error">
          {t('templates.placeholders.failed')}{' '}
          <button type="button" onClick={() => void placeholdersQuery.refetch()}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {placeholdersQuery.data && (
        <ul className="plain-list placeholder-list">
          {placeholdersQuery.data.items.map((placeholder) => (
            <li key={placeholder.key}>
              <button
                type="button"
                // Pressed with the mouse, the field keeps its cursor (and focus) for the insertion.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onInsert(placeholder.key)}
                aria-label={t('templates.placeholders.insert', {
                  token: placeholderToken(placeholder.key),
                  description: placeholderDescription(t, placeholder),
                })}
                title={placeholderDescription(t, placeholder)}
              >
                <code>{placeholderToken(placeholder.key)}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
