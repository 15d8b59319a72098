import type { ClientRect, UniqueIdentifier } from '@dnd-kit/core';
import { describe, expect, it, vi } from 'vitest';
import { customer } from '../components/test-api';
import { boardCollisions, boardKeyboardCoordinates, dragEndHandler, dropAction, dropId, targetOf } from './drop';

function rect(left: number, top: number, width: number, height: number): ClientRect {
  return { left, top, width, height, right: left + width, bottom: top + height };
}

/** Seven targets side by side, 200 px apart. */
const targets = ['stage:UNMARKED', 'stage:INQUIRY', 'stage:SAMPLE_ORDER', 'stage:NO_DEAL', 'stage:TRANSACTION', 'stage:REPEAT_PURCHASE', 'lost'];
const droppableRects = new Map<UniqueIdentifier, ClientRect>(targets.map((id, index) => [id, rect(index * 200, 100, 190, 500)]));

function keyboardContext(overId: string | null) {
  return {
    active: { id: 'customer:1', data: { current: { customer: customer(1, { stage: 'INQUIRY' }) } }, rect: { current: { initial: null, translated: null } } },
    over: overId ? { id: overId, rect: droppableRects.get(overId), disabled: false, data: { current: undefined } } : null,
    collisionRect: rect(205, 150, 180, 80),
    droppableRects,
  };
}

function key(code: string) {
  return new KeyboardEvent('keydown', { code, cancelable: true });
}

describe('Dropping a card', () => {
  it('names its target by id', () => {
    expect(targetOf('stage:SAMPLE_ORDER')).toBe('SAMPLE_ORDER');
    expect(targetOf('lost')).toBe('LOST');
    expect(targetOf(dropId('LOST'))).toBe('LOST');
    expect(targetOf('stage:NOPE')).toBeNull();
    expect(targetOf('customer:3')).toBeNull();
    expect(targetOf(null)).toBeNull();
  });

  it('is a move only onto another stage or Lost', () => {
    const john = customer(1, { stage: 'INQUIRY' });
    expect(dropAction(john, 'stage:TRANSACTION')).toBe('TRANSACTION');
    expect(dropAction(john, 'lost')).toBe('LOST');
    expect(dropAction(john, 'stage:INQUIRY')).toBeNull();
    expect(dropAction(john, undefined)).toBeNull();
  });

  it('asks the board to move the dragged customer, and nothing else', () => {
    const requestMove = vi.fn();
    const onDragEnd = dragEndHandler(requestMove);
    const john = customer(1, { stage: 'INQUIRY' });

    onDragEnd({ active: { data: { current: { customer: john } } }, over: { id: 'stage:SAMPLE_ORDER' } });
    expect(requestMove).toHaveBeenLastCalledWith(john, 'SAMPLE_ORDER');
    onDragEnd({ active: { data: { current: { customer: john } } }, over: { id: 'lost' } });
    expect(requestMove).toHaveBeenLastCalledWith(john, 'LOST');

    requestMove.mockClear();
    onDragEnd({ active: { data: { current: { customer: john } } }, over: { id: 'stage:INQUIRY' } });
    onDragEnd({ active: { data: { current: { customer: john } } }, over: null });
    onDragEnd({ active: { data: { current: {} } }, over: { id: 'lost' } });
    expect(requestMove).not.toHaveBeenCalled();
  });
});

describe('Moving a card with the keyboard', () => {
  const coordinates = (code: string, overId: string | null) =>
    boardKeyboardCoordinates(key(code), {
      active: 'customer:1',
      currentCoordinates: { x: 205, y: 150 },
      context: keyboardContext(overId) as never,
    });

  it('goes a whole stage at a time, right or down forward, left or up back', () => {
    expect(coordinates('ArrowRight', 'stage:INQUIRY')).toEqual({ x: 405, y: 102 });
    expect(coordinates('ArrowDown', 'stage:INQUIRY')).toEqual({ x: 405, y: 102 });
    expect(coordinates('ArrowLeft', 'stage:INQUIRY')).toEqual({ x: 5, y: 102 });
    expect(coordinates('ArrowUp', 'stage:SAMPLE_ORDER')).toEqual({ x: 205, y: 102 });
    // Over nothing yet: from the card's own stage.
    expect(coordinates('ArrowRight', null)).toEqual({ x: 405, y: 102 });
    // Lost is the last stop; the first stage the first.
    expect(coordinates('ArrowRight', 'stage:REPEAT_PURCHASE')).toEqual({ x: 1205, y: 102 });
    expect(coordinates('ArrowRight', 'lost')).toBeUndefined();
    expect(coordinates('ArrowLeft', 'stage:UNMARKED')).toBeUndefined();
    expect(coordinates('KeyA', 'stage:INQUIRY')).toBeUndefined();
  });

  it('drops on the target under the top edge of the card where the keyboard put it', () => {
    const droppableContainers = targets.map((id) => ({ id, key: id, data: { current: undefined }, disabled: false, node: { current: null }, rect: { current: null } }));
    const hits = boardCollisions({
      active: keyboardContext(null).active as never,
      collisionRect: rect(405, 102, 180, 80),
      droppableRects,
      droppableContainers: droppableContainers as never,
      pointerCoordinates: null,
    });
    expect(hits[0]?.id).toBe('stage:SAMPLE_ORDER');
  });
});
