import type { ReactNode } from 'react';

/**
 * The box of a table too wide for a phone, which then scrolls sideways inside it: focusable, so the keyboard can
 * scroll it too (WCAG 2.1.1, axe `scrollable-region-focusable`), and a named group, so a screen reader says what
 * the tab stop is (not a region: the section around it usually is that region already). Name it as its
 * table is named: by the id of its title, or by a label.
 */
export function TableScroll({
  labelledBy,
  label,
  className,
  children,
}: {
  labelledBy?: string;
  label?: string;
  /** More classes, e.g. table-cards: the rows become cards on a phone instead of scrolling sideways. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      tabIndex={0}
      role="group"
      aria-labelledby={labelledBy}
      aria-label={label}
    >
      {children}
    </div>
  );
}
