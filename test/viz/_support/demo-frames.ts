import { type BuiltModel, buildPlant, loadScenarioFile } from '../../../src/index.js';
import { buildLayout } from '../../../src/stream/layout.js';
import { observeFrames } from '../../../viz/src/engine/plant-frames.js';
import type { Frame, RunInfo } from '../../../viz/src/feed/types.js';

/** The demo factory built with the viewer's frame observer attached; run it with `model.plant.run`. */
export function demoWithFrames(seed = 1): { model: BuiltModel; frames: Frame[]; info: RunInfo } {
  const loaded = loadScenarioFile('scenarios/demo-factory.yaml');
  if (!loaded.ok) throw new Error('demo-factory.yaml does not load');
  const scenario = loaded.scenario;
  const model = buildPlant(scenario, seed);
  const frames: Frame[] = [];
  observeFrames(model, frames);
  const info: RunInfo = {
    name: scenario.name ?? 'demo',
    seed,
    horizonS: scenario.run.horizon,
    startDate: scenario.run.start ?? null,
    layout: buildLayout(scenario, model),
  };
  return { model, frames, info };
}
