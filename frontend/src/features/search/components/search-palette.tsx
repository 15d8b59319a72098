import * as Dialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '@/lib/i18n';
import { useSettled } from '@/lib/use-settled';
import { searchable, useCustomerSearch } from '../api/search-customers';

/** A place the palette can take the person to without a customer: the shell's navigation, named. */
export interface Destination {
  to: string;
  label: string;
}

export interface SearchPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  destinations: Destination[];
}

/** How long typing pauses before asking the server: one request per word, not per key. */
const DEBOUNCE_MS = 200;

/**
 * The workspace's search (Ctrl+K or /): customers by name, company, e-mail, phone or IM handle, the pool's
 * included, and the app's areas by name. cmdk gives the combobox its keyboard (arrows, Enter, Escape) and ARIA; the
 * server filters, so cmdk's own filtering is off.
 */
export function SearchPalette({ open, onOpenChange, destinations }: SearchPaletteProps) {
  const t = useT();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const term = useSettled(text, DEBOUNCE_MS);
  const search = useCustomerSearch(term);
  const waiting = searchable(text) && (text !== term || search.isFetching);
  const needle = text.trim().toLocaleLowerCase();
  const places = needle
    ? destinations.filter((destination) => destination.label.toLocaleLowerCase().includes(needle))
    : destinations;
  const found = searchable(term) ? (search.data ?? []) : [];

  function go(to: string) {
    onOpenChange(false);
    setText('');
    void navigate(to);
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="palette-overlay" />
        <Dialog.Content className="palette" aria-describedby={undefined}>
          <Dialog.Title className="visually-hidden">{t('search.title')}</Dialog.Title>
          <Command label={t('search.inputLabel')} shouldFilter={false} loop>
            <div className="palette-input">
              <Command.Input
                value={text}
                onValueChange={setText}
                placeholder={t('search.placeholder')}
                maxLength={200}
              />
              {/* Always there, so the list does not jump when a search starts or ends. */}
              <span className="palette-status" role="status">
                {waiting ? t('search.searching') : ''}
              </span>
            </div>
            <Command.List className="palette-list">
              {search.isError && searchable(term) && <p className="palette-note">{t('search.failed')}</p>}
              {searchable(term) && !waiting && !search.isError && found.length === 0 && places.length === 0 && (
                <Command.Empty>{t('search.none', { text: term.trim() })}</Command.Empty>
              )}
              {!searchable(text) && text.trim() !== '' && places.length === 0 && (
                <p className="palette-note">{t('search.keepTyping')}</p>
              )}
              {found.length > 0 && (
                <Command.Group heading={t('search.customers')}>
                  {found.map((customer) => (
                    <Command.Item
                      key={customer.id}
                      value={`customer-${customer.id}`}
                      onSelect={() => go(`/customers/${customer.id}`)}
                      className="palette-item"
                    >
                      <span className="palette-item-main">
                        <strong>{customer.name}</strong>
                        {customer.companyName && <span className="muted"> · {customer.companyName}</span>}
                      </span>
                      <span className={customer.inPool ? 'palette-pool' : 'palette-item-meta muted'}>
                        {customer.inPool ? t('search.inPool') : (customer.email ?? customer.phone ?? '')}
                      </span>
                    </Command.Item>
                  ))}
                  <Command.Item
                    value="all-results"
                    onSelect={() => go(`/customers?${new URLSearchParams({ q: term.trim() }).toString()}`)}
                    className="palette-item palette-all"
                  >
                    {t('search.seeAll', { text: term.trim() })}
                  </Command.Item>
                </Command.Group>
              )}
              {places.length > 0 && (
                <Command.Group heading={t('search.goTo')}>
                  {places.map((place) => (
                    <Command.Item
                      key={place.to}
                      value={`place-${place.to}`}
                      onSelect={() => go(place.to)}
                      className="palette-item"
                    >
                      {place.label}
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
            </Command.List>
            <p className="palette-keys muted" aria-hidden="true">
              {t('search.keys')}
            </p>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
