import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { provideDictionary, resetLocaleForTests } from '@/lib/i18n';
import { zhCN } from '@/lib/i18n/zh-CN';

// The app fetches a language's messages when it is chosen; tests switch at once.
provideDictionary('zh-CN', zhCN);

// jsdom has no pointer capture; Radix Toast asks for it when a click inside a toast ends.
Element.prototype.hasPointerCapture ??= () => false;
Element.prototype.setPointerCapture ??= () => {};
Element.prototype.releasePointerCapture ??= () => {};

// jsdom lays nothing out: the search palette (cmdk) watches its list's size and scrolls the chosen option into view.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
Element.prototype.scrollIntoView ??= () => {};

// The machine is shared: give findBy* and waitFor room before calling an answer missing.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  resetLocaleForTests();
});
