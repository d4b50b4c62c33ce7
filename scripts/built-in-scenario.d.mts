// Types for built-in-scenario.mjs (used by the browser tests).
export const BUILT_IN_SCENARIO_FILE: string;
export function readBuiltInScenario(): unknown;
export function widestView(scenario?: unknown): { id: string; title: string; bounds: [number, number, number, number] };
export function benchFrameQuery(scenario?: unknown): string;
