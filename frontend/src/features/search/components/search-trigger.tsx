import { lazy, Suspense, useEffect, useState } from 'react';
import { useT } from '@/lib/i18n';
import { isTyping } from '@/lib/keyboard';
import type { Destination } from './search-palette';

// The palette (cmdk, Radix Dialog) loads on first use: the shell's first paint does not wait for it.
const SearchPalette = lazy(() => import('./search-palette').then((m) => ({ default: m.SearchPalette })));

/** The header's search box: opens the palette on a click, Ctrl+K / ⌘K, or "/". */
export function SearchTrigger({ destinations }: { destinations: Destination[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  // Rendered from the first opening on, so closing keeps its state and reopening is instant.
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (!commandK && !slash) return;
      event.preventDefault();
      setLoaded(true);
      setOpen(true);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        className="search-trigger"
        aria-keyshortcuts="Control+K Meta+K /"
        aria-haspopup="dialog"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        <span aria-hidden="true" className="search-icon">
          ⌕
        </span>
        <span className="search-trigger-text">{t('search.trigger')}</span>
        <kbd className="search-trigger-key" aria-hidden="true">{t('search.shortcut')}</kbd>
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <SearchPalette open={open} onOpenChange={setOpen} destinations={destinations} />
        </Suspense>
      )}
    </>
  );
}
