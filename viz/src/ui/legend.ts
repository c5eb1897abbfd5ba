import { cssColour, STATE_COLOURS, STATE_LABELS } from '../feed/palette.js';
import { SERVER_STATES } from '../feed/types.js';

/** The colour legend of machine states, plus the moving things. */
export function renderLegend(host: HTMLElement): void {
  host.replaceChildren();
  const title = document.createElement('h3');
  title.textContent = 'Machines';
  host.append(title);
  for (const s of SERVER_STATES) host.append(swatch(cssColour(STATE_COLOURS[s]), STATE_LABELS[s], s));
  host.append(
    swatch('#f08c00', 'robot / AGV', 'robot'),
    swatch('#1c7ed6', 'maintenance crew', 'crew'),
    swatch('#8b5a2b', 'part', 'part'),
    swatch('#5b6b8c', 'queue (bar height = parts waiting)', 'queue'),
  );
}

function swatch(colour: string, text: string, key: string): HTMLElement {
  const row = document.createElement('div');
  row.className = 'legend-row';
  row.dataset.legend = key;
  const box = document.createElement('span');
  box.className = 'swatch';
  box.style.background = colour;
  row.append(box, document.createTextNode(text));
  return row;
}
