// The open scenario's persistence, owned in one place. The session knows which scenario is on
// screen, how far into its journal this page has applied, and the storage it is kept in; every
// action (src/actions) changes data by calling down to it, and it alone calls the storage.
//
// A change goes: action → session.commit (on screen at once, then appended to the journal) →
// storage (IndexedDB commits it, and tells the other tabs) → each other tab's session hears of
// it through storage.watch and replays the journal from where it was (edit-journal.ts: the
// newest entry of a record wins, so every tab ends with the same records).
//
// Where the open scenario is kept: this browser's storage (`storage`, the page's own library), or,
// while a shared scenario is open, the team server's storage (`openShared`), with its own author
// and mode (a viewer's session refuses edits). Opening anything else (a file, the built-in
// scenario, one of this browser's library) goes back to this browser's storage.
import type { TripwireStore } from '../data/store';
import type { TripwireEvent } from '../data/events';
import type { ScenarioHead } from '../data/scenario-schema';
import { documentHead, eventSetOf, geographyOf, type OpenedScenario } from '../data/open-scenario';
import { computeFacts } from '../data/facts';
import { timeExtent } from '../data/selectors';
import { editId, recordEdit, type Edit } from '../data/editing/edit-history';
import { regroup, withEventReplaced } from '../data/editing/event-edits';
import { applyJournal, historyFromJournal, inverseStep, stepOf, type CommittedRecord, type EditableRecord, type EditStep, type JournalEntry, type Step } from '../data/editing/edit-journal';
import { headOfRecords, headRecords, isHeadRecordId, withHeadEdits, type HeadRecord } from '../data/editing/head-records';
import { changesOfEntries } from '../data/editing/record-changes';
import type { AcceptedImport, TripwireStorage } from '../storage';

/** A shared scenario is open: where it is kept, and as whom. */
interface SharedPlace {
  id: string;
  storage: TripwireStorage;
  options: SessionOptions;
}

export interface SessionOptions {
  /** Who makes this session's edits: null for the one user of this browser (no accounts). */
  author?: string | null;
  /** 'view': this person may read the scenarios of the storage but not change them. */
  mode?: 'edit' | 'view';
}

const isHeadEdit = (edit: Edit<EditableRecord>): edit is Edit<HeadRecord> => isHeadRecordId(editId(edit));

export class ScenarioSession {
  /** Record id → the seq of the last journal entry this page applied to it (of the open scenario). */
  #applied = new Map<string, number>();
  #lastSeq = 0;
  /** Edits handed to the storage and not yet acknowledged. */
  #pending = 0;
  #noticesGiven = new Set<string>();
  #stopWatching: () => void = () => {};
  #stopFollowing: () => void;
  #shared: SharedPlace | null = null;

  /**
   * `storage`: this browser's (the library the actions list, delete from and restore imports from);
   * `options`: who edits there.
   */
  constructor(
    readonly store: TripwireStore,
    readonly storage: TripwireStorage,
    readonly options: SessionOptions = {},
  ) {
    // Whichever scenario is on screen is the one whose changes by others this page listens for.
    this.#stopFollowing = store.subscribe(
      (state) => state.scenario?.id,
      (id) => this.#watch(id),
      { fireImmediately: true },
    );
  }

  /** The storage the open scenario is kept in: the team server's while a shared one is open, this browser's otherwise. */
  get keptIn(): TripwireStorage {
    return this.#shared?.storage ?? this.storage;
  }

  /** Who edits the open scenario, and how: the shared scenario's author and mode, or this browser's. */
  get activeOptions(): SessionOptions {
    return this.#shared?.options ?? this.options;
  }

  /** The id of the shared scenario on screen; null when the open scenario is this browser's own. */
  get sharedScenarioId(): string | null {
    return this.#shared?.id ?? null;
  }

  get readOnly(): boolean {
    return this.activeOptions.mode === 'view';
  }

  /** How many edits the storage has not yet acknowledged (it committed the rest). */
  get pendingEdits(): number {
    return this.#pending;
  }

  /** The last journal place this page has applied of the open scenario. */
  get appliedSeq(): number {
    return this.#lastSeq;
  }

  /** Stops listening for others' edits (a page closing, a test ending). */
  close(): void {
    this.#stopFollowing();
    this.#stopWatching();
  }

  /** Says something to the user once per page, however often it happens. */
  noticeOnce(key: string, text: string): void {
    if (this.#noticesGiven.has(key)) return;
    this.#noticesGiven.add(key);
    this.store.getState().addNotice(text);
  }

  /**
   * Puts an opened scenario on screen, "as of" its publication: the state of the world its reader
   * saw. Nothing of its journal is applied yet, and the undo history was about the previous one.
   * `stored`: it is in the storage already; `keepShown`: keep the saved choice of shown event sets.
   */
  show(opened: OpenedScenario, { keepShown, stored }: { keepShown: boolean; stored: boolean }): void {
    this.#leaveShared();
    this.#show(opened, { keepShown, stored });
  }

  #show(opened: OpenedScenario, { keepShown, stored }: { keepShown: boolean; stored: boolean }): void {
    this.#forgetJournal();
    const state = this.store.getState();
    state.setLoaded({ ...opened, facts: [], keepShown, stored });
    // The measurements (Turf) show only in a zone's detail: worked out once the page is idle, while
    // MapLibre's worker cuts the first tiles, not before the map is made (~0.1 s of cold load here).
    const { head } = opened;
    const measure = () => {
      const now = this.store.getState();
      if (now.scenario?.id === head.id && now.facts.length === 0) now.setFacts(computeFacts(geographyOf(head), head.measurements));
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(measure, { timeout: 2_000 });
    else setTimeout(measure, 0);
    state.setTime(timeExtent(this.store.getState().events, head.publishedDate ?? null)[1]);
  }

  /** A scenario of the storage, with every edit of its journal (and the undo history they imply). False when it is not there. */
  async openStored(id: string): Promise<boolean> {
    const stored = await this.storage.readScenario(id).catch(() => null);
    if (!stored) return false;
    this.#leaveShared();
    await this.#showStored(stored);
    return true;
  }

  /**
   * A scenario kept in another storage (the team server's), opened as `options` says (its author,
   * 'view' for a viewer): the session keeps it there until another scenario is opened. False,
   * with nothing changed, when that storage does not give it; a failure to reach it rejects, with
   * nothing changed either.
   */
  async openShared(storage: TripwireStorage, options: SessionOptions, id: string): Promise<boolean> {
    const stored = await storage.readScenario(id);
    if (!stored) return false;
    this.#shared = { id: stored.head.id, storage, options };
    this.#watch(this.store.getState().scenario?.id); // the same scenario again: the subscription does not fire
    await this.#showStored(stored);
    return true;
  }

  /** The shared scenario on screen is now to be changed as `options` says (a role given or taken away). */
  setSharedOptions(options: SessionOptions): void {
    if (this.#shared) this.#shared = { ...this.#shared, options };
  }

  async #showStored(stored: { head: ScenarioHead; events: TripwireEvent[] }): Promise<void> {
    const { id } = stored.head;
    const eventSets = stored.head.eventSets.map((set) => eventSetOf(stored.head, set, stored.events.filter((event) => event.eventSetId === set.id)));
    this.#show({ head: stored.head, eventSets }, { keepShown: false, stored: true });
    const journal = await this.keptIn.readEdits(id).catch(() => []);
    if (this.store.getState().scenario?.id !== id) return; // another opened meanwhile
    this.#replay(journal);
    // On the server the journal is everyone's: this page undoes its person's own steps, and a viewer none.
    const { author } = this.activeOptions;
    const own = this.#shared ? (this.readOnly ? [] : journal.filter((record) => record.author === author)) : journal;
    this.store.getState().setHistory(historyFromJournal(own));
  }

  /** Back to this browser's storage (nothing shared on screen any more). */
  #leaveShared(): void {
    if (!this.#shared) return;
    this.#shared = null;
    this.#watch(this.store.getState().scenario?.id);
  }

  /** Keeps the open scenario in the storage as it is now; says once if it cannot. */
  async keepOpenScenario(): Promise<boolean> {
    const state = this.store.getState();
    if (!state.scenario || this.readOnly) return false;
    const head = documentHead(state.scenario, state.eventSets);
    const storage = this.keptIn;
    try {
      await storage.saveScenario(head, state.eventSets.flatMap((set) => set.events));
      const now = this.store.getState();
      if (now.scenario?.id === head.id) now.setScenarioHead(now.scenario, true);
      return true;
    } catch (error) {
      const quota = error instanceof DOMException && error.name === 'QuotaExceededError';
      this.noticeOnce('scenario-storage', `This scenario cannot be kept in ${storage.where} (${quota ? 'the storage is full' : 'the storage is not available'}); it works until you close the page. Use “Save scenario” to keep a file.`);
      return false;
    }
  }

  /** An id no stored scenario (nor the open one) uses yet: "baltic-2024", "baltic-2024-2" … */
  async freeId(wanted: string): Promise<string> {
    const taken = new Set((await this.storage.listScenarios().catch(() => [])).map((record) => record.id));
    const open = this.store.getState().scenario;
    if (open) taken.add(open.id);
    if (!taken.has(wanted)) return wanted;
    let n = 2;
    while (taken.has(`${wanted.slice(0, 90)}-${n}`)) n += 1;
    return `${wanted.slice(0, 90)}-${n}`;
  }

  /**
   * The first edit of a read-only scenario (the built-in one): a copy, "… (copy)", is kept and
   * opened in its place, so the original is always there.
   */
  async copyOpenScenario(): Promise<boolean> {
    const { scenario } = this.store.getState();
    if (!scenario) return false;
    const { readOnly: _readOnly, ...rest } = scenario;
    const copy: ScenarioHead = { ...rest, id: await this.freeId(`${scenario.id}-copy`), title: `${scenario.title} (copy)`.slice(0, 200) };
    this.store.getState().setScenarioHead(copy, false);
    this.#forgetJournal();
    const kept = await this.keepOpenScenario();
    this.store.getState().addNotice(`The built-in scenario is read-only: you are now editing a copy, “${copy.title}”. The original stays in the library.`);
    return kept;
  }

  /**
   * The open scenario must be in the storage before it is edited. The built-in scenario (and any
   * read-only one) is never changed: the first edit makes a copy, which is what gets edited.
   */
  async ensureEditable(): Promise<boolean> {
    const { scenario, scenarioStored } = this.store.getState();
    if (!scenario) return false;
    if (this.readOnly) {
      this.noticeOnce('view-only', 'You can view this scenario but not change it.');
      return false;
    }
    if (scenario.readOnly) return this.copyOpenScenario();
    if (scenarioStored && (await this.keptIn.hasScenario(scenario.id).catch(() => false))) return true;
    return this.keepOpenScenario();
  }

  /** Something the user did to the open scenario (its edits, one per record), as one undoable step. */
  async edit(step: Step): Promise<void> {
    if (step.length === 0) return;
    this.store.getState().setHistory(recordEdit(this.store.getState().history, step));
    await this.commit(step, 'do');
  }

  /** Shows a step at once, then appends it to the journal, then reads back what others did meanwhile. */
  async commit(step: Step, kind: EditStep): Promise<void> {
    const state = this.store.getState();
    // An undo or redo is a change too: a viewer makes none (the server would refuse it anyway).
    if (this.readOnly) {
      this.noticeOnce('view-only', 'You can view this scenario but not change it.');
      return;
    }
    this.#showStep(step);
    const scenarioId = state.scenario!.id;
    const storage = this.keptIn;
    const author = this.activeOptions.author ?? null;
    const madeAt = new Date().toISOString();
    // Until the storage gives it its place, this page's edit is the newest of its records (an undo
    // of it must not be taken for someone else's change).
    if (author) state.mergeLastChanges(Object.fromEntries(step.map((edit) => [editId(edit), { author, madeAt, stale: false, seq: Infinity }])));
    this.#pending += 1;
    let committed = false;
    try {
      // `baseSeq`: the journal place this page had applied; the storage marks the edit stale if someone else changed its records since.
      await storage.appendEdit({ scenarioId, edits: step, step: kind, author, madeAt, baseSeq: this.#lastSeq });
      committed = true;
    } catch (error) {
      this.#refused(step, kind, storage, error);
    } finally {
      this.#pending -= 1;
    }
    // What others did meanwhile. A read that fails (the server gone again just after its answer) is
    // not a lost edit: the edit is committed, and the watcher reads on once the server is back.
    if (committed) await this.catchUp().catch(() => {});
  }

  /** A step on screen at once: its head records and its events. */
  #showStep(step: Step): void {
    const state = this.store.getState();
    const headEdits = step.filter(isHeadEdit);
    if (headEdits.length > 0) this.#showHead(withHeadEdits(state.scenario!, headEdits));
    let eventSets = state.eventSets;
    for (const edit of step) if (!isHeadEdit(edit)) eventSets = withEventReplaced(eventSets, editId(edit), edit.after as TripwireEvent | null);
    if (eventSets !== state.eventSets) state.setEventSets(eventSets);
  }

  /**
   * The storage would not keep a step. The team server refuses an edit only for a reason (a role
   * taken away, a record it cannot accept; an unreachable server keeps it waiting instead): the
   * step is taken back off the screen and out of the undo history, with the server's sentence.
   * This browser's storage fails for want of room: the edit stays on screen until the page closes.
   */
  #refused(step: Step, kind: EditStep, storage: TripwireStorage, error: unknown): void {
    const state = this.store.getState();
    if (!this.#shared) {
      state.addNotice(`This edit could not be saved in ${storage.where}; it stays on screen until the page is closed. Use “Save scenario” to keep a file.`);
      return;
    }
    this.#showStep(inverseStep(step));
    const { history } = this.store.getState();
    if (kind === 'do' && history.past[history.past.length - 1] === step) state.setHistory({ past: history.past.slice(0, -1), future: history.future });
    const reason = error instanceof Error && error.message ? ` (${error.message.replace(/\.$/, '')})` : '';
    state.addNotice(`The team server did not take this edit${reason}; it has been taken back.`);
  }

  /** Reads what others (or this page) appended to the open scenario's journal since the last read. */
  async catchUp(): Promise<void> {
    const id = this.store.getState().scenario?.id;
    if (!id) return;
    const records = await this.keptIn.readEdits(id, this.#lastSeq);
    // Another scenario may have opened while the journal was read.
    if (this.store.getState().scenario?.id === id) this.#replay(records);
  }

  /** Keeps an accepted import; says once if the storage cannot (the import keeps working until the page closes). */
  async keepImport(accepted: AcceptedImport): Promise<boolean> {
    const outcome = await this.keptIn.keepImport(accepted);
    if (outcome.stored) return true;
    const why = outcome.quotaExceeded ? 'the browser storage is full' : `the browser storage is not available: ${outcome.reason}`;
    this.noticeOnce('import-storage', `Imports cannot be saved for next time (${why}); they keep working until you close this page.`);
    return false;
  }

  /** Applies journal entries to the store, newest-wins per record: events, and the head's records. */
  #replay(records: readonly CommittedRecord[]): void {
    if (records.length === 0) return;
    const state = this.store.getState();
    state.mergeLastChanges(changesOfEntries(records));
    const entries = records.flatMap((record) => stepOf(record).map((edit) => ({ seq: record.seq, edit })));
    const isNewer = (entry: JournalEntry<EditableRecord>) => entry.seq > (this.#applied.get(editId(entry.edit)) ?? -Infinity);
    const eventEntries = entries.filter((entry) => !isHeadEdit(entry.edit)) as JournalEntry<TripwireEvent>[];
    const headEntries = entries.filter((entry) => isHeadEdit(entry.edit) && isNewer(entry)) as JournalEntry<HeadRecord>[];
    // The head first: it may declare an event set (a feed's, say) whose events come in the same read.
    if (headEntries.length > 0 && state.scenario) {
      const result = applyJournal(headRecords(state.scenario), this.#applied, headEntries);
      this.#applied = result.applied;
      this.#showHead(headOfRecords(result.records));
    }
    if (eventEntries.length > 0) {
      const { eventSets } = this.store.getState();
      const result = applyJournal(eventSets.flatMap((set) => set.events), this.#applied, eventEntries);
      this.#applied = result.applied;
      state.setEventSets(regroup(eventSets, result.records));
    }
    this.#lastSeq = Math.max(this.#lastSeq, ...records.map((record) => record.seq));
  }

  /**
   * A new head on screen, its measurements made again (a zone may have moved); an event set it
   * declares that the page lacks (added by someone else) is added, empty until its events come; the
   * scenario's own sets (not imports) without a source of it are credited to its first source.
   */
  #showHead(head: ScenarioHead): void {
    const state = this.store.getState();
    const geography = (of: ScenarioHead | null) => of && JSON.stringify([of.layers, of.measurements]);
    const geometryChanged = (state.scenario?.layers !== head.layers || state.scenario?.measurements !== head.measurements) && geography(state.scenario) !== geography(head);
    state.setScenarioHead(head, true);
    if (geometryChanged) state.setFacts(computeFacts(geographyOf(head), head.measurements));
    const known = new Set(state.eventSets.map((set) => set.id));
    const added = head.eventSets.filter((set) => !known.has(set.id)).map((set) => eventSetOf(head, set, []));
    const first = head.sources[0];
    const credited = first ? state.eventSets.map((set) => (set.imported || head.sources.some((source) => source.id === set.sourceId) ? set : eventSetOf(head, { id: set.id, name: set.name, sourceId: first.id }, set.events))) : state.eventSets;
    if (added.length > 0 || credited.some((set, index) => set !== state.eventSets[index])) state.setEventSets([...credited, ...added]);
  }

  /** Another scenario is on screen: nothing of its journal is applied, and the undo history was about the previous one. */
  #forgetJournal(): void {
    this.#applied = new Map();
    this.#lastSeq = 0;
    this.store.getState().setHistory({ past: [], future: [] });
    this.store.getState().clearLastChanges();
  }

  #watch(scenarioId: string | undefined): void {
    this.#stopWatching();
    this.#stopWatching = scenarioId ? this.keptIn.watch(scenarioId, () => void this.catchUp().catch(() => {})) : () => {};
  }
}
