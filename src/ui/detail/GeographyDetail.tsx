import { formatFact } from '../../data/facts';
import type { GeographyFeature } from '../../data/schemas';
import { store, useStore } from '../../data/store';
import { ExternalLink } from './ExternalLink';
import { boundsOf } from './framing';
import { GeographyEditNav } from '../edit/GeographyEditNav';
import { ChangedBy } from './ChangedBy';

/** What a clicked zone, island or site is, where its shape comes from, and what we measured. */
export function GeographyDetail({ feature }: { feature: GeographyFeature }) {
  const { id, name, kind, source, sourceUrl, notes, validFrom, validTo, approximate } = feature.properties;
  const facts = useStore((state) => state.facts).filter((fact) => fact.featureId === id);
  const linked = useStore((state) => state.events).filter((event) => event.layers.includes(id));
  const state = store.getState();
  return (
    <article className="detail" aria-labelledby="detail-title">
      <p className="detail-kicker">
        <span className="chip">{kind}</span>
        {approximate && <span className="chip status-chip status-alleged">approximate</span>}
      </p>
      <h2 id="detail-title" tabIndex={-1}>
        {name}
      </h2>
      <ChangedBy recordId={`(feature)${id}`} />
      {(validFrom || validTo) && (
        <p className="detail-date">
          Valid {validFrom ? `from ${validFrom}` : ''} {validTo ? `until ${validTo}` : ''}
        </p>
      )}
      {facts.length > 0 && (
        <ul className="detail-measured" aria-label="Measured">
          {facts.map((fact) => (
            <li key={fact.label}>
              <span className="measured-tag">measured</span> {fact.label}: <strong>{formatFact(fact)}</strong>
              {fact.articleSays && <span className="muted"> — the article: “{fact.articleSays}”</span>}
            </li>
          ))}
        </ul>
      )}
      <dl className="detail-facts">
        <dt>Source</dt>
        <dd>{sourceUrl ? <ExternalLink href={sourceUrl}>{source}</ExternalLink> : source}</dd>
        {notes && (
          <>
            <dt>Accuracy</dt>
            <dd>{notes}</dd>
          </>
        )}
        {linked.length > 0 && (
          <>
            <dt>Events</dt>
            <dd>
              <ul className="detail-linked">
                {linked.map((event) => (
                  <li key={event.id}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        state.setTime(event.start);
                        state.selectEvent(event.id);
                      }}
                    >
                      {event.title}
                    </button>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <nav className="detail-nav">
        <button type="button" onClick={() => state.requestSubjectFrame(boundsOf(feature.geometry as GeoJSON.Geometry))}>
          Zoom to
        </button>
      </nav>
      <GeographyEditNav key={id} feature={feature} />
    </article>
  );
}
