import { chartLibraryScripts } from './assets.js';

/** A Vega-Lite specification (see https://vega.github.io/vega-lite/docs/spec.html), plain JSON. */
export type VegaLiteSpec = Record<string, unknown>;

/** One block of a report page, in the order given. */
export type PageBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'table';
      readonly title: string;
      readonly head: readonly string[];
      readonly rows: readonly (readonly (string | number | null)[])[];
    }
  | {
      readonly kind: 'chart';
      /** Names the chart in the page (`data-chart`), for tests and links. */
      readonly name: string;
      readonly title: string;
      readonly spec: VegaLiteSpec;
      /** One sentence under the chart saying how to read it. */
      readonly caption?: string;
    };

/** A whole report page: a title, a manifest (what was run) and its blocks. */
export interface ReportPage {
  readonly title: string;
  readonly subtitle?: string;
  /** What was run (version, scenario and its hash, seed, replications…), shown first as a table. */
  readonly manifest: Readonly<Record<string, string | number | boolean | null>>;
  readonly blocks: readonly PageBlock[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** JSON safe inside a `<script>` element (no `</script>`, no `<!--`). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; margin: .5rem 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ddd; padding: .2rem .5rem; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; } th { background: #f4f4f4; }
.scroll { overflow-x: auto; } .caption { color: #555; font-size: .9rem; } figure { margin: 1rem 0; }
.error { color: #b00; }
`;

function block(b: PageBlock, index: number): string {
  switch (b.kind) {
    case 'heading':
      return `<h2>${escapeHtml(b.text)}</h2>`;
    case 'text':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'table': {
      const cell = (v: string | number | null) => escapeHtml(v === null ? '–' : String(v));
      const head = b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
      const rows = b.rows.map((r) => `<tr>${r.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`).join('\n');
      return `<h3>${escapeHtml(b.title)}</h3><div class="scroll"><table data-table="${escapeHtml(b.title)}"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
    }
    case 'chart':
      return (
        `<figure><h3>${escapeHtml(b.title)}</h3><div class="chart" id="chart-${index}" data-chart="${escapeHtml(b.name)}"></div>` +
        (b.caption === undefined ? '' : `<figcaption class="caption">${escapeHtml(b.caption)}</figcaption>`) +
        '</figure>'
      );
  }
}

/**
 * One self-contained HTML file: the chart library inlined, the data and Vega-Lite specifications as JSON
 * in the page, rendered to SVG by vega-embed when it opens (offline, no server). Each chart's element
 * gets `data-rendered="true"` once drawn, or shows the error and logs it to the console.
 */
export function renderPage(page: ReportPage): string {
  const specs: Record<string, VegaLiteSpec> = {};
  const body = page.blocks
    .map((b, i) => {
      if (b.kind === 'chart') specs[`chart-${i}`] = b.spec;
      return block(b, i);
    })
    .join('\n');
  const manifest = block(
    {
      kind: 'table',
      title: 'Manifest',
      head: ['', ''],
      rows: Object.entries(page.manifest).map(([k, v]) => [k, v === null ? null : String(v)]),
    },
    -1,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
${chartLibraryScripts()}
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
${page.subtitle === undefined ? '' : `<p>${escapeHtml(page.subtitle)}</p>`}
${manifest}
${body}
<script type="application/json" id="chart-specs">${scriptJson(specs)}</script>
<script>
(function () {
  var specs = JSON.parse(document.getElementById('chart-specs').textContent);
  Object.keys(specs).forEach(function (id) {
    var el = document.getElementById(id);
    vegaEmbed(el, specs[id], { renderer: 'svg', actions: false })
      .then(function () { el.setAttribute('data-rendered', 'true'); })
      .catch(function (error) {
        el.className += ' error';
        el.textContent = 'chart failed: ' + error;
        console.error(error);
      });
  });
})();
</script>
</body>
</html>
`;
}
