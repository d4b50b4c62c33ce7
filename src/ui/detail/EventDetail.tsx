import { DATE_NOT_STATED, describeEventDate, sourceDateWording, type TripwireEvent } from '../../data/events';
import { session } from '../../session';
import { nextEvent, previousEvent } from '../../data/selectors';
import { store, useStore } from '../../data/store';
import { actorLabel, categoryColor, categoryLabel } from '../../data/vocabulary';
import { ExternalLink } from './ExternalLink';
import { boundsOf } from './framing';
import { asWrittenBy } from '../../briefing/briefing-model';
import { editEvent } from '../../actions';
import { quoteContext } from '../../data/quote-context';
import { MoveEventButtons } from '../edit/MoveEventButtons';
import { canEditOpenScenario } from '../../data/slices/team';
import { ChangedBy } from './ChangedBy';


const PRECISION_WORDS = { day: 'exact day', month: 'month known', year: 'year known' } as const;

export function EventDetail({ event }: { event: TripwireEvent }) {
  const events = useStore((state) => state.events);
  const geography = useStore((state) => state.geography);
  const citation = useStore((state) => state.eventSets.find((set) => set.id === event.eventSetId)?.citation ?? '');
  const sourceText = useStore((state) => {
    const sourceId = state.eventSets.find((set) => set.id === event.eventSetId)?.sourceId;
    return state.scenario?.sources.find((source) => source.id === sourceId)?.text ?? null;
  });
  // An event with a source of its own (drafted from another article) is cited by it, not by its set's.
  const cited = event.source ?? citation;
  const canEdit = useStore(canEditOpenScenario);
  const state = store.getState();
  const goTo = (target: TripwireEvent | null) => {
    if (!target) return;
    state.setTime(target.start);
    state.selectEvent(target.id);
  };
  const names = new Map(Object.values(geography).flat().map((feature) => [feature.properties.id, feature]));
  const previous = previousEvent(events, event.start);
  const next = nextEvent(events, event.start);

  return (
    <article className="detail" aria-labelledby="detail-title">
      <p className="detail-kicker">
        <span className="chip category-chip" style={{ borderColor: categoryColor(event.category) }}>
          <span className="chip-dot" style={{ background: categoryColor(event.category) }} />
          {categoryLabel(event.category)}
        </span>
        <span className={`chip status-chip status-${event.status}`}>{event.status}</span>
      </p>
      <h2 id="detail-title" tabIndex={-1}>
        {event.title}
      </h2>
      <p className="detail-date">
        <strong>{describeEventDate(event)}</strong> <span className="muted">({PRECISION_WORDS[event.precision]})</span>
        {sourceDateWording(event) && ` — ${asWrittenBy(cited)}: “${sourceDateWording(event)}”`}
        {event.dateAsWritten === DATE_NOT_STATED && ` — ${asWrittenBy(citation) === 'the article' ? 'the article gives no date' : 'no date given'}`}
      </p>
      <ChangedBy recordId={event.id} />
      {event.dateReasoning && <p className="detail-note muted">{event.dateReasoning}</p>}
      {event.statusNote && (
        <p className="detail-status">
          <strong>Status:</strong> {event.status}; {event.statusNote}
        </p>
      )}
      {event.summary && <p>{event.summary}</p>}
      {event.quote && (
        <blockquote className="detail-quote" data-testid="detail-quote">
          <p>“{event.quote}”</p>
          {event.speaker && (
            <footer>
              — {event.speaker}
              {event.speakerRole ? `, ${event.speakerRole}` : ''}
            </footer>
          )}
          <cite>{cited}</cite>
        </blockquote>
      )}
      {event.quote && sourceText && (!event.source || sourceText.includes(event.quote)) && <QuoteInContext quote={event.quote} text={sourceText} />}
      {event.factCheck && (
        <aside className="detail-factcheck" aria-label="Fact check">
          <strong>The record differs.</strong> {event.factCheck.note}
          {event.factCheck.recordDate && <> Documented date: {event.factCheck.recordDate}.</>}{' '}
          <ExternalLink href={event.factCheck.sourceUrl}>{event.factCheck.sourceTitle}</ExternalLink>
        </aside>
      )}
      <dl className="detail-facts">
        <dt>Where</dt>
        <dd>
          {event.place ?? 'Not named'}
          {event.locationApproximate && <span className="muted"> (approximate)</span>}
          {event.locationNote && <span className="detail-note muted"> {event.locationNote}</span>}
        </dd>
        <dt>Actors</dt>
        <dd className="chips">
          {event.actors.map((actor) => (
            <span key={actor} className="chip">
              {actorLabel(actor)}
            </span>
          ))}
        </dd>
        {(event.source || event.sourceUrl) && (
          <>
            <dt>Source</dt>
            <dd data-testid="detail-source">
              {event.sourceUrl ? <ExternalLink href={event.sourceUrl}>{event.source ?? event.sourceUrl}</ExternalLink> : event.source}
            </dd>
          </>
        )}
        {event.layers.length > 0 && (
          <>
            <dt>Related</dt>
            <dd className="chips">
              {event.layers.map((id) => (
                <button
                  key={id}
                  type="button"
                  className="chip chip-button"
                  onClick={() => {
                    const feature = names.get(id);
                    state.selectGeography(id);
                    if (feature) state.requestSubjectFrame(boundsOf(feature.geometry as GeoJSON.Geometry));
                  }}
                >
                  {names.get(id)?.properties.name ?? id}
                </button>
              ))}
            </dd>
          </>
        )}
      </dl>
      <nav className="detail-nav" aria-label="Event navigation">
        <button type="button" onClick={() => goTo(previous)} disabled={!previous}>
          ← Previous
        </button>
        <button type="button" onClick={() => state.requestSubjectFrame(boundsOf(event.geometry))}>Zoom to</button>
        <button type="button" onClick={() => goTo(next)} disabled={!next}>
          Next →
        </button>
      </nav>
      {canEdit && (
        <nav className="detail-nav detail-edit" aria-label="Edit this event">
          <button type="button" onClick={() => state.openEventForm({ editing: event.id, position: null })}>
            Edit
          </button>
          <MoveEventButtons key={event.id} event={event} />
          <button
            type="button"
            onClick={() => {
              void editEvent(session, event, null).then(() => store.getState().addNotice(`Deleted “${event.title}”. Undo (Ctrl+Z) brings it back.`));
            }}
          >
            Delete
          </button>
        </nav>
      )}
    </article>
  );
}

/** The quote where the source says it: the paragraph around it, the quoted words marked. */
function QuoteInContext({ quote, text }: { quote: string; text: string }) {
  const context = quoteContext(text, quote);
  if (!context) return <p className="detail-note muted">The quote was not found word for word in the source text carried by this scenario.</p>;
  return (
    <details className="detail-context">
      <summary>Show in the source</summary>
      <p>
        {context.before}
        <mark>{context.quote}</mark>
        {context.after}
      </p>
    </details>
  );
}
