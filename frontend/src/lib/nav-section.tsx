import { createContext, useContext, useEffect } from 'react';

/** An area of the main navigation a page can belong to although its address is elsewhere. */
export type NavSection = 'pool';

const NavSectionContext = createContext<(section: NavSection | null) => void>(() => {});

/** Given by the app shell: hears which area the page on screen belongs to. */
export const NavSectionProvider = NavSectionContext.Provider;

/**
 * Tells the main navigation which area the page belongs to when its address does not say it: a pool customer's page
 * lives at /customers/:id, and the navigation must not say "My customers" there.
 */
export function useNavSection(section: NavSection | null) {
  const declare = useContext(NavSectionContext);
  useEffect(() => {
    declare(section);
    return () => declare(null);
  }, [declare, section]);
}
