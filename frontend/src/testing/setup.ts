import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetLocaleForTests } from '@/lib/i18n';

// The machine is shared: give findBy* and waitFor room before calling an answer missing.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  resetLocaleForTests();
});
