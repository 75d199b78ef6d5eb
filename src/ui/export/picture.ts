/**
 * Pictures of what the page shows, made in the page (no server): ECharts charts as PNG (the drawn
 * canvas) or SVG (the same options drawn again by ECharts' SVG renderer, off-screen), and the
 * charts drawn by React (persona cards, the journey map, the dendrogram) as SVG — their own `<svg>`
 * when they are one, otherwise their HTML with its computed styles written inline inside an SVG
 * `foreignObject` — and as PNG by drawing that SVG on a canvas. Nothing here reads the data: it
 * copies what is already drawn.
 */
import type { EChartsOption } from 'echarts';

/** Where a download's name comes from: letters, digits, dashes; never empty. */
export function fileSafe(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return s || 'audience-flow';
}

/** Hands bytes to the browser as a downloaded file. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** An ECharts option drawn by the SVG renderer at `width` × `height`, as an SVG document. */
export async function echartsSvg(option: EChartsOption, width: number, height: number): Promise<string> {
  const echarts = await import('echarts');
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: '#ffffff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Properties copied from the page's computed styles into an exported HTML picture. */
const STYLE_PROPS = [
  'display',
  'box-sizing',
  'position',
  'width',
  'height',
  'min-width',
  'min-height',
  'max-width',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-radius',
  'outline',
  'background-color',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'text-align',
  'text-transform',
  'text-decoration',
  'white-space',
  'word-break',
  'overflow-wrap',
  'vertical-align',
  'list-style-type',
  'list-style-position',
  'flex-direction',
  'flex-wrap',
  'flex-grow',
  'flex-shrink',
  'flex-basis',
  'align-items',
  'justify-content',
  'gap',
  'grid-template-columns',
  'clip-path',
  'opacity',
  'border-collapse',
  'font-variant-numeric',
  'fill',
  'stroke',
  'stroke-width',
];

const SVG_ONLY = new Set(['fill', 'stroke', 'stroke-width']);
/** Elements whose default margins or paddings are not zero. */
const LIST_OR_TEXT = new Set([
  'ul',
  'ol',
  'li',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dd',
  'figure',
  'blockquote',
  'pre',
  'table',
  'caption',
  'td',
  'th',
]);

/** Values a property has by default, left out to keep the copy small. */
function isDefault(prop: string, value: string, tag: string): boolean {
  // Margins and paddings are always written: lists, paragraphs and headings have their own defaults.
  if (prop.startsWith('margin') || prop.startsWith('padding')) return value === '0px' && !LIST_OR_TEXT.has(tag);
  if (prop.startsWith('border-') && prop !== 'border-radius') return /^0px none/.test(value);
  switch (prop) {
    case 'width':
    case 'height':
    case 'min-width':
    case 'min-height':
    case 'flex-basis':
      return value === 'auto';
    case 'max-width':
    case 'clip-path':
    case 'text-transform':
      return value === 'none';
    case 'position':
      return value === 'static';
    case 'outline':
      return /none/.test(value);
    case 'background-color':
      return value === 'rgba(0, 0, 0, 0)';
    case 'opacity':
    case 'flex-shrink':
      return value === '1';
    case 'flex-grow':
      return value === '0';
    case 'letter-spacing':
    case 'white-space':
    case 'word-break':
    case 'overflow-wrap':
    case 'font-style':
    case 'gap':
      return value === 'normal';
    case 'vertical-align':
      return value === 'baseline';
    case 'border-radius':
      return value === '0px';
    case 'text-decoration':
      return /^none/.test(value);
    default:
      return false;
  }
}

/** A deep copy of `el` whose every element carries its computed style inline (no page CSS needed). */
export function styledClone(el: Element): Element {
  const copy = el.cloneNode(true) as Element;
  const walk = (from: Element, to: Element) => {
    const cs = getComputedStyle(from);
    const svg = from instanceof SVGElement;
    // An HTML box with text takes the height of its text (fonts and tables may lay out a little
    // differently elsewhere); an empty one (a bar, a swatch) keeps the height it was drawn at.
    const sized = svg || !from.textContent?.trim();
    const style = STYLE_PROPS.map((p) => [p, cs.getPropertyValue(p)] as const)
      .filter(
        ([p, v]) =>
          v !== '' && !isDefault(p, v, from.localName) && (svg || !SVG_ONLY.has(p)) && (sized || (p !== 'height' && p !== 'min-height')),
      )
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    to.setAttribute('style', cs.getPropertyValue('display') === 'none' ? 'display:none' : style);
    to.removeAttribute('class');
    to.removeAttribute('data-testid');
    for (let i = 0; i < from.children.length; i++) walk(from.children[i], to.children[i]);
  };
  walk(el, copy);
  return copy;
}

/**
 * An SVG document of a chart drawn by React: its own `<svg>` if it is drawn as one (the
 * dendrogram), otherwise its HTML, styles inlined, in a `foreignObject` of the element's size.
 */
export function elementSvg(el: HTMLElement): { svg: string; width: number; height: number } {
  const rect = el.getBoundingClientRect();
  const width = Math.max(1, Math.ceil(Math.max(rect.width, el.scrollWidth)));
  const height = Math.max(1, Math.ceil(Math.max(rect.height, el.scrollHeight)));
  // A view drawn as one SVG picture, with at most a heading above it (the dendrogram), stays a
  // plain SVG drawing: the heading becomes its first line of text.
  const svgs = el.querySelectorAll('svg[role="img"]');
  const only = svgs.length === 1 ? (svgs[0] as SVGSVGElement) : null;
  const others = only ? [...el.querySelectorAll('*')].filter((e) => !only.contains(e) && !e.contains(only)) : [];
  if (only && others.every((e) => /^h[1-6]$/.test(e.localName))) {
    const box = only.viewBox.baseVal;
    const w = Math.round(box?.width || only.getBoundingClientRect().width);
    const h = Math.round(box?.height || only.getBoundingClientRect().height);
    const title = others
      .map((e) => e.textContent ?? '')
      .join(' ')
      .trim();
    const top = title ? 24 : 0;
    const copy = styledClone(only) as SVGSVGElement;
    copy.removeAttribute('style');
    copy.setAttribute('x', '0');
    copy.setAttribute('y', String(top));
    copy.setAttribute('width', String(w));
    copy.setAttribute('height', String(h));
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const svg =
      `${XML_DECL}<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h + top}" viewBox="0 0 ${w} ${h + top}" ` +
      `font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="#ffffff"/>` +
      (title ? `<text x="8" y="17" font-size="13" font-weight="600" fill="#0f172a">${esc(title)}</text>` : '') +
      new XMLSerializer().serializeToString(copy).replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '') +
      '</svg>';
    return { svg, width: w, height: h + top };
  }
  // The copy sits in a padded box that keeps its children's margins inside (on the page they may
  // collapse through its edges), so its height is measured plus those margins.
  const first = el.firstElementChild,
    last = el.lastElementChild;
  const marginTop = first ? parseFloat(getComputedStyle(first).marginTop) || 0 : 0;
  const marginBottom = last ? parseFloat(getComputedStyle(last).marginBottom) || 0 : 0;
  const PAD = 8;
  const w = width + 2 * PAD,
    h = Math.ceil(height + marginTop + marginBottom) + 2 * PAD;
  const copy = styledClone(el) as HTMLElement;
  copy.style.height = 'auto';
  copy.style.width = `${width}px`;
  copy.style.overflow = 'visible';
  copy.style.display = 'flow-root';
  const box = document.createElement('div');
  box.setAttribute('xmlns', 'http://www.w3.org/1999/xhtml');
  box.setAttribute('style', `display:flow-root;box-sizing:border-box;width:${w}px;padding:${PAD}px;background-color:#ffffff`);
  box.appendChild(copy);
  const body = new XMLSerializer().serializeToString(box);
  const svg =
    `${XML_DECL}<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<foreignObject x="0" y="0" width="${w}" height="${h}">${body}</foreignObject></svg>`;
  return { svg, width: w, height: h };
}

/** An SVG document drawn on a canvas at `scale` times its size, as PNG bytes. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.decoding = 'sync';
  const loaded = new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the drawing could not be read as a picture'));
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.scale(scale, scale);
  g.drawImage(img, 0, 0, width, height);
  return canvasPng(canvas);
}

export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be encoded'))), 'image/png'),
  );
}

/** A `data:` URL's bytes. */
export async function dataUrlBlob(url: string): Promise<Blob> {
  const [head, body] = url.split(',', 2);
  const mime = /data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  if (head.includes(';base64')) {
    const bin = atob(body);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], { type: mime });
  }
  return new Blob([decodeURIComponent(body)], { type: mime });
}
