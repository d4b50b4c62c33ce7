// A step of the journal in a few words, for the history ("Added event “Pyongyang rally”",
// "Moved zone “Kerch Strait”", "Renamed the scenario to “…”", "3 changes"), and a record's name
// for the notices about it. Pure: the server writes the history with it.
import type { TripwireEvent } from '../events';
import type { EditableRecord, EditStep, Step } from './edit-journal';
import type { Edit } from './edit-history';
import type { HeadRecord } from './head-records';

/** A head record (it has a `kind`), or null for an event. */
const headRecordOf = (record: EditableRecord): HeadRecord | null => ('kind' in record && typeof record.kind === 'string' ? (record as HeadRecord) : null);

/** How a person calls a record: an event by its title, a feature by its name, the head's details as the scenario's. */
export function recordName(record: EditableRecord): string {
  const head = headRecordOf(record);
  if (!head) return `event “${(record as TripwireEvent).title}”`;
  switch (head.kind) {
    case 'details':
      return 'the scenario’s details';
    case 'view':
      return `view “${head.view.title}”`;
    case 'layer':
      return `layer “${head.layer.title}”`;
    case 'feature':
      return `${head.feature.properties.kind.replaceAll('-', ' ') || 'feature'} “${head.feature.properties.name}”`;
  }
}

const geometryOf = (record: EditableRecord) => {
  const head = headRecordOf(record);
  return head ? (head.kind === 'feature' ? head.feature.geometry : undefined) : (record as TripwireEvent).geometry;
};

const titleOf = (record: EditableRecord | null) => {
  const head = record && headRecordOf(record);
  return head?.kind === 'details' ? head.details.title : null;
};

/** One edit in words. */
function summaryOfEdit({ before, after }: Edit<EditableRecord>): string {
  if (before && after && titleOf(after) !== null && titleOf(before) !== titleOf(after)) return `Renamed the scenario to “${titleOf(after)}”`;
  const name = recordName((after ?? before)!);
  if (!before) return `Added ${name}`;
  if (!after) return `Deleted ${name}`;
  const moved = JSON.stringify(geometryOf(before)) !== JSON.stringify(geometryOf(after));
  return `${moved ? 'Moved' : 'Changed'} ${name}`;
}

/**
 * A step in words. A layer's list of its features (and the details' of views and layers) changes
 * with every feature or view added or removed: those edits are said only when nothing else is.
 */
export function summaryOfStep(step: EditStep, edits: Step): string {
  const onlyLists = (edit: Edit<EditableRecord>) => {
    const head = headRecordOf((edit.after ?? edit.before)!);
    return edit.before !== null && edit.after !== null && (head?.kind === 'layer' || (head?.kind === 'details' && titleOf(edit.before) === titleOf(edit.after)));
  };
  const main = edits.filter((edit) => !onlyLists(edit));
  const said = main.length > 0 ? main : edits;
  let summary: string;
  if (said.length === 1) summary = summaryOfEdit(said[0]!);
  else {
    const events = said.every((edit) => headRecordOf((edit.after ?? edit.before)!) === null);
    const verb = said.every((edit) => edit.before === null) ? 'Added' : said.every((edit) => edit.after === null) ? 'Deleted' : null;
    summary = events && verb ? `${verb} ${said.length} events` : `${said.length} changes`;
  }
  if (step === 'do') return summary;
  return `${step === 'undo' ? 'Undid' : 'Redid'}: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`;
}

/** A record's own name in quotes, for a sentence about it: “Pyongyang rally”, “Kerch Strait”, or what it is. */
export function quotedName(record: EditableRecord): string {
  const head = headRecordOf(record);
  if (!head) return `“${(record as TripwireEvent).title}”`;
  if (head.kind === 'feature') return `“${head.feature.properties.name}”`;
  return recordName(record);
}
