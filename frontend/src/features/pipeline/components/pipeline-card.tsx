import { useDraggable } from '@dnd-kit/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { STAGES } from '@/lib/domain';
import { useFormatters, useT } from '@/lib/i18n';
import type { Customer } from '../api/list-column';
import type { MoveTarget } from '../api/move-customer';
import { cardId, type CardData } from '../lib/drop';

/** Where keyboard focus goes once a card has landed in its new column. */
export type FocusPart = 'select' | 'handle';

export interface PipelineCardProps {
  customer: Customer;
  /** The store's users by id: given (to managers), the card names the owner. */
  owners?: ReadonlyMap<number, string>;
  /** A move of this card is under way: it cannot be moved again until the server has answered. */
  pending: boolean;
  /** When the page was drawn: a follow-up planned before it is overdue. */
  now: number;
  focus: FocusPart | null;
  onFocused: () => void;
  onMove: (customer: Customer, to: MoveTarget) => void;
}

function clampStars(stars: number): 0 | 1 | 2 | 3 {
  return Math.min(3, Math.max(0, Math.round(stars))) as 0 | 1 | 2 | 3;
}

/** The parts of a card that a dragged copy shows too. */
export function CardSummary({ customer, owners, now }: Pick<PipelineCardProps, 'customer' | 'owners' | 'now'>) {
  const t = useT();
  const format = useFormatters();
  const stars = clampStars(customer.stars);
  const next = customer.nextFollowUpAt;
  const owner =
    !owners
      ? null
      : customer.ownerId == null
        ? t('pipeline.card.inPool')
        : t('pipeline.card.owner', { name: owners.get(customer.ownerId) ?? t('pipeline.card.ownerUnknown', { id: String(customer.ownerId) }) });
  return (
    <>
      {customer.companyName && (
        <p className="pipeline-card-line pipeline-card-clip muted" title={customer.companyName}>
          {customer.companyName}
        </p>
      )}
      <p className="pipeline-card-line pipeline-card-clip" title={owner ?? undefined}>
        <span role="img" className="pipeline-stars" aria-label={t(`stars.${stars}`)} title={t(`stars.${stars}`)}>
          {'★'.repeat(stars) + '☆'.repeat(3 - stars)}
        </span>
        {owner && <span className="pipeline-owner">{owner}</span>}
      </p>
      {next && (
        <p className={Date.parse(next) < now ? 'pipeline-card-line follow-up-overdue' : 'pipeline-card-line muted'}>
          {t('pipeline.card.nextFollowUp', { date: format.date(next) })}
          {Date.parse(next) < now && (
            // Overdue: said in words as well as in colour.
            <>
              {' '}
              <span className="overdue-label">{t('pipeline.card.overdue')}</span>
            </>
          )}
        </p>
      )}
    </>
  );
}

/**
 * A customer on the board: dragged by its handle (pointer, touch or keyboard), or moved with its "Move to…" list,
 * which works without dragging at all.
 */
export function PipelineCard({ customer, owners, pending, now, focus, onFocused, onMove }: PipelineCardProps) {
  const t = useT();
  const data: CardData = { customer };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: cardId(customer),
    data,
    disabled: pending,
    attributes: { roleDescription: t('pipeline.dnd.roleDescription') },
  });
  const selectRef = useRef<HTMLSelectElement>(null);
  const handleRef = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (!focus) return;
    (focus === 'handle' ? handleRef.current : selectRef.current)?.focus();
    onFocused();
  }, [focus, onFocused]);

  const nameId = `pipeline-card-${customer.id}`;
  return (
    <div
      ref={setNodeRef}
      role="group"
      aria-labelledby={nameId}
      aria-busy={pending || undefined}
      className={`pipeline-card${isDragging ? ' is-dragging' : ''}${pending ? ' is-pending' : ''}`}
    >
      <div className="pipeline-card-head">
        <button
          type="button"
          className="pipeline-handle"
          ref={(node) => {
            handleRef.current = node;
            setActivatorNodeRef(node);
          }}
          {...attributes}
          {...listeners}
          aria-label={t('pipeline.card.drag', { name: customer.name })}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <Link id={nameId} to={`/customers/${customer.id}`} className="pipeline-card-name">
          {customer.name}
        </Link>
      </div>
      <CardSummary customer={customer} owners={owners} now={now} />
      <select
        ref={selectRef}
        className="pipeline-move"
        aria-label={t('pipeline.card.moveTo', { name: customer.name })}
        value=""
        disabled={pending}
        onChange={(event) => {
          const to = event.target.value as MoveTarget | '';
          if (to) onMove(customer, to);
        }}
      >
        <option value="">{t('pipeline.card.movePlaceholder')}</option>
        {STAGES.filter((stage) => stage !== customer.stage).map((stage) => (
          <option key={stage} value={stage}>
            {t(`stage.${stage}`)}
          </option>
        ))}
        <option value="LOST">{t('pipeline.card.moveLost')}</option>
      </select>
    </div>
  );
}

/** The copy that follows the pointer while a card is dragged: no controls, nothing to focus. */
export function DraggedCard({ customer, owners, now }: Pick<PipelineCardProps, 'customer' | 'owners' | 'now'>) {
  return (
    <div className="pipeline-card is-overlay" aria-hidden="true">
      <div className="pipeline-card-head">
        <span className="pipeline-handle">⠿</span>
        <span className="pipeline-card-name">{customer.name}</span>
      </div>
      <CardSummary customer={customer} owners={owners} now={now} />
    </div>
  );
}
