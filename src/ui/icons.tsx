/**
 * The editor's glyphs as inline SVG, so they render the same on every machine: a Chromium without
 * an emoji or symbol font showed ⏭ and ⏹ as empty boxes. Each icon is drawn on a 16 × 16 grid in
 * `currentColor`, sized to the surrounding text, and hidden from screen readers (the button's own
 * text or aria-label names it).
 */
import type { ReactElement } from 'react';

const SHAPES = {
  logo: <path d="M8 1.5 14.5 8 8 14.5 1.5 8Z" fill="currentColor" />,
  run: <path d="M4 2.5v11l9.5-5.5Z" fill="currentColor" />,
  cancel: <rect x="3.5" y="3.5" width="9" height="9" rx="1" fill="currentColor" />,
  stop: <rect x="3.5" y="3.5" width="9" height="9" rx="1" fill="currentColor" />,
  step: (
    <>
      <path d="M2.5 3v10l7.5-5Z" fill="currentColor" />
      <rect x="11" y="3" width="2.5" height="10" rx=".5" fill="currentColor" />
    </>
  ),
  replay: (
    <>
      <path d="M3.2 8a4.8 4.8 0 1 0 1.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <path d="M2 2.2v4.3h4.3Z" fill="currentColor" />
    </>
  ),
  present: (
    <>
      <rect x="1.5" y="2.5" width="13" height="9" rx="1" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M8 11.5v2.5M5 14h6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </>
  ),
  undo: (
    <>
      <path d="M5.5 6.5h5a3 3 0 0 1 0 6H7" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <path d="M6.5 3 2.5 6.5 6.5 10Z" fill="currentColor" />
    </>
  ),
  redo: (
    <>
      <path d="M10.5 6.5h-5a3 3 0 0 0 0 6H9" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <path d="M9.5 3l4 3.5-4 3.5Z" fill="currentColor" />
    </>
  ),
  note: (
    <>
      <path d="M3 2.5h7.5L13 5v8.5H3Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      <path d="M5.5 7h5M5.5 10h5" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </>
  ),
  frame: <rect x="2" y="3.5" width="12" height="9" rx="1" fill="none" stroke="currentColor" strokeWidth="1.6" strokeDasharray="2.5 1.5" />,
  tidy: (
    <>
      <rect x="1.5" y="3" width="4" height="3.5" rx=".6" fill="currentColor" />
      <rect x="1.5" y="9.5" width="4" height="3.5" rx=".6" fill="currentColor" />
      <rect x="10.5" y="6.2" width="4" height="3.5" rx=".6" fill="currentColor" />
      <path d="M5.5 4.8h2.5v6.4H5.5M8 8h2.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
    </>
  ),
  share: (
    <>
      <path d="M9 2.5h4.5V7" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M13.5 2.5 7.5 8.5" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
      <path d="M11.5 9.5v4h-9v-9h4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
    </>
  ),
  download: (
    <>
      <path
        d="M8 2v8M4.5 7 8 10.5 11.5 7"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path d="M2.5 13.5h11" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
  image: (
    <>
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.2" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="5.5" cy="6.2" r="1.3" fill="currentColor" />
      <path d="M2.5 12.5 6.5 8.5l2.5 2.5 2-2 2.5 3.5Z" fill="currentColor" />
    </>
  ),
  vector: (
    <>
      <path d="M3 12.5C5 4 11 4 13 12.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <rect x="1.5" y="11" width="3" height="3" fill="currentColor" />
      <rect x="11.5" y="11" width="3" height="3" fill="currentColor" />
      <rect x="6.5" y="2" width="3" height="3" fill="none" stroke="currentColor" strokeWidth="1.3" />
    </>
  ),
  report: (
    <>
      <path d="M3.5 1.5h6l3 3v10h-9Z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      <path d="M5.5 12V9.5M8 12V7M10.5 12V8.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </>
  ),
  warning: (
    <>
      <path d="M8 1.8 15 14H1Z" fill="currentColor" />
      <path d="M8 6v4" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="12" r=".9" fill="#fff" />
    </>
  ),
  info: (
    <>
      <circle cx="8" cy="8" r="6.5" fill="currentColor" />
      <path d="M8 7.2v4.3" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="4.8" r=".95" fill="#fff" />
    </>
  ),
  error: (
    <>
      <circle cx="8" cy="8" r="6.5" fill="currentColor" />
      <path d="m5.6 5.6 4.8 4.8m0-4.8-4.8 4.8" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
    </>
  ),
  star: <path d="m8 1.5 1.9 4.1 4.5.5-3.4 3 1 4.4L8 11.2l-3.9 2.3 1-4.4-3.4-3 4.5-.5Z" fill="currentColor" />,
  maximize: (
    <path
      d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  ),
  restore: (
    <path
      d="M6 2.5V6H2.5M13.5 6H10V2.5M10 13.5V10h3.5M2.5 10H6v3.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  ),
} satisfies Record<string, ReactElement>;

export type IconName = keyof typeof SHAPES;

/** An inline SVG icon, 1em square, coloured like the text around it. */
export function Icon({ name, className }: { name: IconName; className?: string }): ReactElement {
  return (
    <svg
      className={`af-icon${className ? ` ${className}` : ''}`}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
      data-icon={name}
    >
      {SHAPES[name]}
    </svg>
  );
}
