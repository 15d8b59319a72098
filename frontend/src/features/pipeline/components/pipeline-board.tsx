import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useMutationState } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useNotify } from '@/components/toast';
import { STAGES, type CustomerStage } from '@/lib/domain';
import { useT, type Translate } from '@/lib/i18n';
import { ApiError, errorMessage } from '@/lib/problem';
import type { Customer } from '../api/list-column';
import { moveMutationKey, useMoveCustomer, type MarkLostRequest, type MoveInput, type MoveTarget } from '../api/move-customer';
import type { BoardFilters } from '../lib/filters';
import { boardCollisions, boardKeyboardCoordinates, dragEndHandler, dropAction, targetOf, type CardData } from '../lib/drop';
import { LostDialog } from './lost-dialog';
import { DraggedCard, type FocusPart } from './pipeline-card';
import { LostZone, PipelineColumn, toggleId } from './pipeline-column';

type Via = 'select' | 'drag';

/** Why a move failed, in the reader's words; the server's own text is never shown. */
export function moveFailureText(t: Translate, error: unknown, customer: Pick<Customer, 'name'>, to: MoveTarget): string {
  const name = customer.name;
  if (error instanceof ApiError) {
    if (error.status === 412) return t('pipeline.error.stale', { name });
    if (error.status === 403) return t('pipeline.error.forbidden', { name });
    if (error.status === 404) return t('pipeline.error.notFound', { name });
    if (error.status === 409 && to === 'LOST') return t('pipeline.error.alreadyLost', { name });
    // The only field of the lost request the dialog checks not: a reason archived in the meantime.
    if ((error.status === 400 || error.status === 422) && to === 'LOST') return t('pipeline.error.reason', { name });
  }
  const { key, params } = errorMessage(error);
  return t('pipeline.error.other', { name, reason: t(key, params) });
}

/** A phone's width: the board starts as a list of folded stages, opened one by one. */
function isNarrow(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 640px)').matches;
}

function customerOf(data: unknown): Customer | undefined {
  return (data as Partial<CardData> | undefined)?.customer;
}

export interface PipelineBoardProps {
  filters: BoardFilters;
  owners?: ReadonlyMap<number, string>;
}

/** The stages side by side (one under the other on a phone), and Lost at the end; cards move by drag or by list. */
export function PipelineBoard({ filters, owners }: PipelineBoardProps) {
  const t = useT();
  const move = useMoveCustomer(filters);
  const [now] = useState(() => Date.now());
  const [collapsed, setCollapsed] = useState<ReadonlySet<CustomerStage>>(() => new Set(isNarrow() ? STAGES : []));
  const [asking, setAsking] = useState<{ customer: Customer; via: Via } | null>(null);
  const [dragging, setDragging] = useState<Customer | null>(null);
  const [focus, setFocus] = useState<{ id: number; part: FocusPart } | null>(null);
  const notify = useNotify();
  const pending = useMutationState({
    filters: { mutationKey: moveMutationKey, status: 'pending' },
    select: (mutation) => (mutation.state.variables as MoveInput | undefined)?.customer.id ?? 0,
  });
  const pendingIds = useMemo(() => new Set(pending), [pending]);
  const onFocused = useCallback(() => setFocus(null), []);

  const sensors = useSensors(
    // A few pixels before a drag starts, so that a tap on the handle is not a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: boardKeyboardCoordinates }),
  );

  function toggle(stage: CustomerStage) {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(stage)) next.delete(stage);
      else next.add(stage);
      return next;
    });
  }

  function run(customer: Customer, to: MoveTarget, via: Via, lost?: MarkLostRequest) {
    const part: FocusPart = via === 'drag' ? 'handle' : 'select';
    if (to !== 'LOST') {
      // The card is followed into its new column, opened if it was folded.
      setCollapsed((current) => {
        if (!current.has(to)) return current;
        const next = new Set(current);
        next.delete(to);
        return next;
      });
      setFocus({ id: customer.id, part });
    }
    move.mutate(
      { customer, to, lost },
      {
        onSuccess: () =>
          notify({
            message:
              to === 'LOST'
                ? t('pipeline.markedLost', { name: customer.name })
                : t('pipeline.moved', { name: customer.name, stage: t(`stage.${to}`) }),
            tone: 'success',
          }),
        onError: (error) => {
          notify({ message: moveFailureText(t, error, customer, to), tone: 'error' });
          setFocus({ id: customer.id, part });
        },
      },
    );
  }

  function requestMove(customer: Customer, to: MoveTarget, via: Via) {
    if (to === customer.stage || pendingIds.has(customer.id)) return;
    if (to === 'LOST') setAsking({ customer, via });
    else run(customer, to, via);
  }

  const label = (id: UniqueIdentifier | undefined) => {
    const target = targetOf(id);
    if (target === null) return '';
    return target === 'LOST' ? t('pipeline.lost.title') : t(`stage.${target}`);
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const customer = customerOf(active.data.current);
      return customer && t('pipeline.dnd.start', { name: customer.name, stage: t(`stage.${customer.stage}`) });
    },
    onDragOver: ({ active, over }) => {
      const customer = customerOf(active.data.current);
      if (!customer) return undefined;
      return over && targetOf(over.id)
        ? t('pipeline.dnd.over', { name: customer.name, target: label(over.id) })
        : t('pipeline.dnd.outside', { name: customer.name });
    },
    onDragEnd: ({ active, over }) => {
      const customer = customerOf(active.data.current);
      if (!customer) return undefined;
      const target = dropAction(customer, over?.id);
      if (target === null) return t('pipeline.dnd.stays', { name: customer.name, stage: t(`stage.${customer.stage}`) });
      if (target === 'LOST') return t('pipeline.dnd.droppedLost', { name: customer.name });
      return t('pipeline.dnd.dropped', { name: customer.name, target: label(over?.id) });
    },
    onDragCancel: ({ active }) => {
      const customer = customerOf(active.data.current);
      return customer && t('pipeline.dnd.cancelled', { name: customer.name, stage: t(`stage.${customer.stage}`) });
    },
  };
  const onDragEnd = dragEndHandler((customer, to) => requestMove(customer, to, 'drag'));

  return (
    <section aria-labelledby="pipeline-title" className="pipeline">
      <DndContext
        sensors={sensors}
        collisionDetection={boardCollisions}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('pipeline.dnd.instructions') } }}
        onDragStart={({ active }) => setDragging(customerOf(active.data.current) ?? null)}
        onDragCancel={() => setDragging(null)}
        onDragEnd={(event) => {
          setDragging(null);
          onDragEnd(event);
        }}
      >
        <div className="pipeline-board">
          {STAGES.map((stage) => (
            <PipelineColumn
              key={stage}
              stage={stage}
              filters={filters}
              owners={owners}
              collapsed={collapsed.has(stage)}
              onToggle={() => toggle(stage)}
              hiddenId={asking?.customer.stage === stage ? asking.customer.id : null}
              pendingIds={pendingIds}
              focus={focus}
              onFocused={onFocused}
              now={now}
              onMove={requestMove}
            />
          ))}
          <LostZone filters={filters} />
        </div>
        <DragOverlay dropAnimation={null}>
          {dragging && <DraggedCard customer={dragging} owners={owners} now={now} />}
        </DragOverlay>
      </DndContext>
      {asking && (
        <LostDialog
          customer={asking.customer}
          onCancel={() => {
            // The card comes back where it was, and so does the focus.
            setFocus({ id: asking.customer.id, part: asking.via === 'drag' ? 'handle' : 'select' });
            setAsking(null);
          }}
          onConfirm={(lost) => {
            const { customer, via } = asking;
            setAsking(null);
            run(customer, 'LOST', via, lost);
            // The card leaves the board: the focus stays with its column.
            document.getElementById(toggleId(customer.stage))?.focus();
          }}
        />
      )}
    </section>
  );
}
