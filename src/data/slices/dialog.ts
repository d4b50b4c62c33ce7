// Which dialog is open: one at a time, one field (src/ui/Dialogs.tsx renders it). The header's
// buttons, the E key and the import flow open them through openDialog. Also here: what the dialogs
// hold (the draft's source and review, the export's and deck's fields), so closing a dialog,
// which unmounts it, loses none of it.
// Types only are imported: a value from the draft or import code would pull it into the entry.
import type { SliceCreator } from '../store';
import type { ColumnMapping } from '../../import/column-mapping';
import type { MappingPreview } from '../../import/worker-protocol';
import type { DraftSource, DraftSourceField } from '../../draft/draft-source';
import type { ReviewState } from '../../draft/review-state';

/** What the import asks of the mapping step (src/ui/import/ColumnMappingDialog.tsx). */
export interface MappingRequest {
  fileName: string;
  preview: MappingPreview;
  initial: ColumnMapping;
  /** When the initial mapping is one the user confirmed before for this header. */
  rememberedOn: string | null;
}

export type OpenDialog =
  | { kind: 'scenarios' }
  | { kind: 'draft' }
  | { kind: 'export' }
  | { kind: 'deck' }
  /** A shared scenario's history (src/ui/team/HistoryDialog.tsx): its id on the server, and its title as opened. */
  | { kind: 'history'; scenarioId: string; title: string }
  /** An import waits on this: `answer` is the chosen mapping, or null to cancel the import. */
  | { kind: 'column-mapping'; request: MappingRequest; answer: (mapping: ColumnMapping | null) => void };

export type DialogKind = OpenDialog['kind'];

/** The draft dialog's work, kept while it is closed (src/ui/draft/DraftDialog.tsx). */
export interface DraftWork {
  source: DraftSource;
  issues: Partial<Record<DraftSourceField, string>>;
  /** The source the review is of (as checked); null while the source is being given. */
  reviewed: DraftSource | null;
  review: ReviewState;
  /** The status line: the draft's progress, or why it found nothing. */
  progress: string;
  /** The candidate open in the event form: the dialog steps aside so the map can be clicked. */
  editingId: string | null;
}

export interface DialogSlice {
  dialog: OpenDialog | null;
  /**
   * Opens `dialog` in place of any other, except the mapping step: an import is waiting on its
   * answer, so nothing else opens over it until it is answered.
   */
  openDialog: (dialog: OpenDialog) => void;
  /** Closes `which` if it is still the open one (a late close event must not close the next dialog); any dialog without it. */
  closeDialog: (which?: OpenDialog) => void;
  /** Null until the draft dialog is first used. */
  draftWork: DraftWork | null;
  setDraftWork: (work: DraftWork | null) => void;
  /** What the export and deck dialogs' fields hold (title, banner, ticks, order…), by "dialog.field", kept while they are closed. */
  keptFields: Readonly<Record<string, unknown>>;
  keepField: (key: string, value: unknown) => void;
}

export const createDialogSlice: SliceCreator<DialogSlice> = (set, get) => ({
  dialog: null,
  openDialog: (dialog) => {
    const current = get().dialog;
    if (current?.kind === 'column-mapping' && dialog.kind !== 'column-mapping') return;
    if (current?.kind === dialog.kind && dialog.kind !== 'column-mapping') return; // open already
    set({ dialog });
  },
  closeDialog: (which) => {
    if (which === undefined || get().dialog === which) set({ dialog: null });
  },
  draftWork: null,
  setDraftWork: (draftWork) => set({ draftWork }),
  keptFields: {},
  keepField: (key, value) => set((state) => ({ keptFields: { ...state.keptFields, [key]: value } })),
});
