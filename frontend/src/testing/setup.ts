import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetLocaleForTests } from '@/lib/i18n';

afterEach(() => {
  cleanup();
  localStorage.clear();
  resetLocaleForTests();
});
