/** UI slice: language, selection, the port shown in the data panel, and short messages. */
import type { StateCreator } from 'zustand';
import type { Lang, Text } from '../../core/contract/i18n';
import type { AppState } from './index';

export interface Toast {
  id: number;
  text: Text;
  kind: 'info' | 'error';
}

export interface UiSlice {
  lang: Lang;
  selected: string | null;
  /** Output port shown in the data panel for the selected node. */
  port: string;
  toast: Toast | null;
  setLang: (lang: Lang) => void;
  select: (id: string | null) => void;
  setPort: (port: string) => void;
  say: (text: Text, kind?: Toast['kind']) => void;
}

const savedLang = (): Lang => {
  try {
    return globalThis.localStorage?.getItem('audience-flow.lang') === 'vi' ? 'vi' : 'en';
  } catch {
    return 'en';
  }
};

let toastId = 0;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  lang: savedLang(),
  selected: null,
  port: 'out',
  toast: null,
  setLang: (lang) => {
    try {
      localStorage.setItem('audience-flow.lang', lang);
    } catch {
      /* private mode */
    }
    document.documentElement.lang = lang;
    set({ lang });
  },
  select: (id) => set({ selected: id, port: 'out' }),
  setPort: (port) => set({ port }),
  say: (text, kind = 'info') => {
    const id = ++toastId;
    set({ toast: { id, text, kind } });
    setTimeout(() => set((s) => (s.toast?.id === id ? { toast: null } : {})), kind === 'error' ? 6000 : 3500);
  },
});
