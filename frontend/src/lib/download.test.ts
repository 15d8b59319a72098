import { describe, expect, it } from 'vitest';
import { fileNameFrom, unwrapFile } from './download';
import { ApiError } from './problem';

const withDisposition = (value: string) => new Response('', { headers: { 'Content-Disposition': value } });

describe('downloads', () => {
  it('names the file as the server does, preferring the encoded name', () => {
    expect(fileNameFrom(withDisposition('attachment; filename="customers.csv"'), 'x.csv')).toBe('customers.csv');
    expect(fileNameFrom(withDisposition("attachment; filename=\"a.csv\"; filename*=UTF-8''%E5%AE%A2%E6%88%B7.csv"), 'x.csv')).toBe('客户.csv');
    expect(fileNameFrom(new Response(''), 'fallback.csv')).toBe('fallback.csv');
  });

  it('turns an error answer into an ApiError with the problem', async () => {
    const response = new Response(null, { status: 409 });
    const failure = unwrapFile(
      Promise.resolve({ error: { type: 'https://harbor-crm.dev/problems/conflict', title: 'Not finished' }, response }),
      'x.csv',
    );
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 409, kind: 'conflict' });
  });
});
