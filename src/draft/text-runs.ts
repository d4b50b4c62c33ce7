// The source text cut into runs at every candidate's quote boundary, each run with the
// candidates whose quote covers it: the review renders each run as text (a <mark> where some
// candidate covers it), so quotes that overlap after a merge still highlight correctly.

export interface QuoteRange {
  id: string;
  start: number;
  end: number;
}

export interface TextRun {
  start: number;
  end: number;
  /** Candidates whose quote covers the run, in the order given. */
  ids: string[];
}

export function textRuns(length: number, ranges: readonly QuoteRange[]): TextRun[] {
  const cuts = [...new Set([0, length, ...ranges.flatMap((range) => [range.start, range.end])])].filter((at) => at >= 0 && at <= length).sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let index = 0; index + 1 < cuts.length; index++) {
    const start = cuts[index]!;
    const end = cuts[index + 1]!;
    runs.push({ start, end, ids: ranges.filter((range) => range.start <= start && range.end >= end).map((range) => range.id) });
  }
  return runs;
}
