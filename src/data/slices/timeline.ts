import type { SliceCreator } from '../store';

export type TimeMode = 'cumulative' | 'window';
export type TimeScale = 'linear' | 'even';

/** Playback speeds suited to 23 sparse years: days of history per second of playback. */
export const SPEEDS = {
  'year-per-second': { label: '1 year/s', daysPerSecond: 365.25 },
  'quarter-per-second': { label: '1 quarter/s', daysPerSecond: 91.3 },
  'month-per-second': { label: '1 month/s', daysPerSecond: 30.44 },
  'week-per-second': { label: '1 week/s', daysPerSecond: 7 },
} as const;
export type SpeedId = keyof typeof SPEEDS;

/** The slider opens on 2000 →: the article's two older references (1963, the 1980s) would squeeze the rest. */
export const DEFAULT_FOCUS_START = Date.UTC(2000, 0, 1) / 86_400_000;

export const WINDOW_MONTH_CHOICES = [1, 3, 6, 12, 24, 60] as const;

export interface TimelineSlice {
  /** The current time, in days since 1970-01-01 (fractional while playing). */
  time: number;
  mode: TimeMode;
  /** Length of the sliding window in months, in window mode. */
  windowMonths: number;
  scale: TimeScale;
  /** The sub-range of history the slider shows, in days; null = everything. */
  focus: [number, number] | null;
  playing: boolean;
  speed: SpeedId;
  setTime: (time: number) => void;
  setMode: (mode: TimeMode) => void;
  setWindowMonths: (months: number) => void;
  setScale: (scale: TimeScale) => void;
  setFocus: (focus: [number, number] | null) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: SpeedId) => void;
}

export const createTimelineSlice: SliceCreator<TimelineSlice> = (set) => ({
  time: 0,
  mode: 'cumulative',
  windowMonths: 12,
  scale: 'linear',
  focus: [DEFAULT_FOCUS_START, Infinity],
  playing: false,
  speed: 'quarter-per-second',
  setTime: (time) => set({ time }),
  setMode: (mode) => set({ mode }),
  setWindowMonths: (windowMonths) => set({ windowMonths }),
  setScale: (scale) => set({ scale }),
  setFocus: (focus) => set({ focus }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
});
