// GPU-filtered points for large event sets: see time-points-layer.ts.
export { createTimePointsLayer, DEFAULT_TIME_POINTS_STYLE, type TimePointsLayer, type TimePointsStats } from './time-points-layer';
export { timePointsFromEvents } from './from-events';
export type { TimePoints, TimePointsStyle, TimeWindow } from './types';
export { prepareSharedProgram } from './gl-resources';
