import { pointerWithin, rectIntersection, type CollisionDetection, type KeyboardCoordinateGetter, type UniqueIdentifier } from '@dnd-kit/core';
import { STAGES, type CustomerStage } from '@/lib/domain';
import type { Customer } from '../api/list-column';
import type { MoveTarget } from '../api/move-customer';

/** The drop target at the end of the board. */
export const LOST_ZONE = 'lost';

/** Every drop target in board order: the stages, then Lost. */
export const DROP_TARGETS: readonly MoveTarget[] = [...STAGES, 'LOST'];

export function dropId(target: MoveTarget): string {
  return target === 'LOST' ? LOST_ZONE : `stage:${target}`;
}

export function cardId(customer: Pick<Customer, 'id'>): string {
  return `customer:${customer.id}`;
}

/** The stage (or Lost) a drop target's id names; null for anything else. */
export function targetOf(id: UniqueIdentifier | null | undefined): MoveTarget | null {
  if (id === LOST_ZONE) return 'LOST';
  if (typeof id !== 'string' || !id.startsWith('stage:')) return null;
  const stage = id.slice('stage:'.length);
  return (STAGES as readonly string[]).includes(stage) ? (stage as CustomerStage) : null;
}

/** What dropping the customer on a target asks for: nothing when dropped outside or back on its own column. */
export function dropAction(customer: Pick<Customer, 'stage'>, overId: UniqueIdentifier | null | undefined): MoveTarget | null {
  const target = targetOf(overId);
  return target === null || target === customer.stage ? null : target;
}

/** What a dragged card carries for the board: the customer. */
export interface CardData {
  customer: Customer;
}

export interface DragEndLike {
  active: { data: { current?: Partial<CardData> | Record<string, unknown> } };
  over: { id: UniqueIdentifier } | null;
}

/** The handler of a drop (by pointer or keyboard): asks the board to move the card when the drop means a move. */
export function dragEndHandler(requestMove: (customer: Customer, to: MoveTarget) => void) {
  return ({ active, over }: DragEndLike) => {
    const customer = (active.data.current as Partial<CardData> | undefined)?.customer;
    if (!customer) return;
    const target = dropAction(customer, over?.id);
    if (target) requestMove(customer, target);
  };
}

const NEXT_KEYS = ['ArrowRight', 'ArrowDown'];
const PREVIOUS_KEYS = ['ArrowLeft', 'ArrowUp'];

/**
 * The keyboard moves a picked-up card a whole column at a time: right or down to the next target in board order,
 * left or up to the previous one (the same keys work when the board is a vertical list on a phone).
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const forward = NEXT_KEYS.includes(event.code);
  if (!forward && !PREVIOUS_KEYS.includes(event.code)) return undefined;
  event.preventDefault();
  const { active, over, collisionRect, droppableRects } = context;
  const home = (active?.data.current as Partial<CardData> | undefined)?.customer?.stage;
  const current = targetOf(over?.id) ?? home;
  if (!current || !collisionRect) return undefined;
  const index = DROP_TARGETS.indexOf(current);
  const next = DROP_TARGETS[index + (forward ? 1 : -1)];
  if (!next) return undefined;
  const rect = droppableRects.get(dropId(next));
  if (!rect) return undefined;
  // The card's top-left: centred at the top edge of the target.
  return {
    x: rect.left + Math.max(0, (rect.width - collisionRect.width) / 2),
    y: rect.top + 2,
  };
};

/**
 * The target under the pointer (or, failing that, the one the card overlaps most); for the keyboard, which has no
 * pointer, the target under the top edge of the card, where boardKeyboardCoordinates puts it.
 */
export const boardCollisions: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const hits = pointerWithin(args);
    return hits.length > 0 ? hits : rectIntersection(args);
  }
  const { collisionRect } = args;
  return pointerWithin({
    ...args,
    pointerCoordinates: { x: collisionRect.left + collisionRect.width / 2, y: collisionRect.top + 4 },
  });
};
