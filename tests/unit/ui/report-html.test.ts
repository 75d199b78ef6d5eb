/** The one-page run report (src/ui/export/report.ts): its own no-fetch policy, escaping, inlined markup made address-free. */
import { describe, expect, it } from 'vitest';
import { inlineMarkup, REPORT_CSP, reportHtml, type ReportInput } from '../../../src/ui/export/report';

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  lang: 'en',
  name: 'Fans <b>& friends</b>',
  date: new Date('2026-12-02T17:00:00Z'),
  flowSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>',
  steps: [{ id: 'k', label: 'Find segments', kind: 'K-means segments', stateKey: 'done', state: 'done', rows: 20000, ms: 1500 }],
  messages: [{ step: 'Find segments', level: 'warning', text: 'k <= 3 "was" small' }],
  sections: [
    {
      id: 'k',
      title: 'Find segments',
      blocks: [
        {
          kind: 'figure',
          title: 'Scores',
          chart: 'line',
          markup:
            '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image href="https://x.example/a.png"/><path onclick="alert(1)" fill="url(#g)" style="background:url(http://x.example/b)"/><script>alert(1)</script></svg>',
        },
        { kind: 'table', title: 'Segments', columns: ['segment', 'name'], rows: [['0', '<i>x</i>']], total: 5, hiddenColumns: 2 },
      ],
    },
  ],
  ...over,
});

describe('reportHtml', () => {
  it('carries a policy that forbids every fetch and any script', () => {
    const html = reportHtml(input());
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toMatch(/^default-src 'none';/);
    expect(REPORT_CSP).not.toMatch(/script-src|'self'|https?:/);
  });

  it('escapes every text and leaves no address, script or handler from inlined markup', () => {
    const html = reportHtml(input());
    expect(html).toContain('<h1 data-report="name">Fans &lt;b&gt;&amp; friends&lt;/b&gt;</h1>');
    expect(html).toContain('k &lt;= 3 &quot;was&quot; small');
    expect(html).toContain('<td>&lt;i&gt;x&lt;/i&gt;</td>');
    const body = html.replace(/<meta http-equiv[^>]*>/, '');
    expect(body).not.toMatch(/https?:|<script|onclick|x\.example/i);
    expect(body).toContain('fill="url(#g)"');
    expect(html).toContain('First 1 of 5 rows · 2 more columns not shown');
    expect(html).toContain('20,000');
    expect(html).toContain('1.5 s');
  });

  it('speaks Vietnamese with Vietnamese numbers', () => {
    const html = reportHtml(input({ lang: 'vi' }));
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Báo cáo lần chạy ngày');
    expect(html).toContain('Cảnh báo · Find segments');
    expect(html).toContain('20.000');
  });

  it('inlineMarkup drops namespace declarations and outside references but keeps local ones', () => {
    expect(inlineMarkup('<svg xmlns="http://www.w3.org/2000/svg"><use href="#a"/><use xlink:href="http://e.x/s#b"/></svg>')).toBe(
      '<svg><use href="#a"/><use/></svg>',
    );
  });
});
