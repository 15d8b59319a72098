import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TableScroll } from './table-scroll';

describe('TableScroll', () => {
  it('is a named group the keyboard can reach, named like its table', () => {
    render(
      <>
        <h2 id="reps-title">Per rep</h2>
        <TableScroll labelledBy="reps-title">
          <table aria-labelledby="reps-title" />
        </TableScroll>
        <TableScroll label="Preview">
          <table />
        </TableScroll>
      </>,
    );
    const byTitle = screen.getByRole('group', { name: 'Per rep' });
    expect(byTitle).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('group', { name: 'Preview' })).toHaveAttribute('tabindex', '0');
  });
});
