import { screen, within } from '@testing-library/react';

/** The toasts' region ("Notifications (F8)", "通知（F8）"), where src/components/toast.tsx shows what actions did. */
export function toastRegion(): HTMLElement {
  return screen.getByRole('region', { name: /^(Notifications \(F8\)|通知（F8）)$/ });
}

/** The toast (its list item) that says `text`, waiting for it to appear. */
export async function findToast(text: string | RegExp): Promise<HTMLElement> {
  const message = await within(toastRegion()).findByText(text);
  const toast = message.closest('li');
  if (!toast) throw new Error(`"${message.textContent ?? ''}" is not inside a toast`);
  return toast;
}

/** The toast that says `text`, or null: for asserting one is not (or no longer) shown. */
export function queryToast(text: string | RegExp): HTMLElement | null {
  return within(toastRegion()).queryByText(text)?.closest('li') ?? null;
}
