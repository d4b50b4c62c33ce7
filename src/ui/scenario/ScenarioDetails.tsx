import { useState } from 'react';
import { session } from '../../session';
import { useStore } from '../../data/store';
import { editHead } from '../../actions';
import { scenarioHeadSchema, type ScenarioHead } from '../../data/scenario-schema';
import { issuesOf } from '../../data/validate';
import { FormField } from '../edit/FormField';

interface DetailsDraft {
  title: string;
  subtitle: string;
  publishedDate: string;
  publisher: string;
  sourceTitle: string;
  sourceUrl: string;
  sourceDate: string;
  sourceText: string;
}

const FIELDS: { field: keyof DetailsDraft; label: string; hint?: string; path: string; long?: boolean }[] = [
  { field: 'title', label: 'Scenario title', path: 'title' },
  { field: 'subtitle', label: 'Subtitle', hint: 'optional', path: 'subtitle' },
  { field: 'publishedDate', label: 'As of', hint: 'YYYY-MM-DD: the timeline opens here', path: 'publishedDate' },
  { field: 'publisher', label: 'Source publisher', path: 'sources[0].publisher' },
  { field: 'sourceTitle', label: 'Source title', path: 'sources[0].title' },
  { field: 'sourceUrl', label: 'Source URL', hint: 'optional', path: 'sources[0].url' },
  { field: 'sourceDate', label: 'Source date', hint: 'optional, YYYY-MM-DD', path: 'sources[0].date' },
  { field: 'sourceText', label: 'Source text', hint: 'optional: paste it, so quotes can be checked in context', path: 'sources[0].text', long: true },
];

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'source';
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The scenario's own details: title, "as of" and its (first) source. Checked like a document. */
export function ScenarioDetails({ onSaved }: { onSaved: () => void }) {
  const scenario = useStore((state) => state.scenario);
  const source = scenario?.sources[0];
  const [draft, setDraft] = useState<DetailsDraft>({
    title: scenario?.title ?? '',
    subtitle: scenario?.subtitle ?? '',
    publishedDate: scenario?.publishedDate ?? '',
    publisher: source?.publisher ?? '',
    sourceTitle: source?.title ?? '',
    sourceUrl: source?.url ?? '',
    sourceDate: source?.date ?? '',
    sourceText: source?.text ?? '',
  });
  const [issues, setIssues] = useState<Partial<Record<string, string>>>({});
  if (!scenario) return null;

  const save = async () => {
    const hasSource = draft.publisher.trim() !== '' || draft.sourceTitle.trim() !== '';
    const edited = {
      ...scenario,
      title: draft.title,
      subtitle: optional(draft.subtitle),
      publishedDate: optional(draft.publishedDate),
      sources: hasSource
        ? [
            {
              ...source,
              id: source?.id ?? slug(draft.publisher),
              publisher: draft.publisher,
              title: draft.sourceTitle,
              url: optional(draft.sourceUrl),
              date: optional(draft.sourceDate),
              text: draft.sourceText.trim() === '' ? undefined : draft.sourceText,
            },
            ...scenario.sources.slice(1),
          ]
        : scenario.sources.slice(1),
    };
    const checked = scenarioHeadSchema.safeParse(edited);
    if (!checked.success) {
      setIssues(Object.fromEntries(issuesOf(checked.error, '').map((issue) => [issue.location, issue.message])));
      return;
    }
    setIssues({});
    const { events: _events, ...head } = checked.data;
    await editHead(session, () => head as ScenarioHead);
    onSaved();
  };

  return (
    <form
      className="event-form scenario-details"
      aria-label="Scenario details"
      onSubmit={(submitted) => {
        submitted.preventDefault();
        void save();
      }}
    >
      {FIELDS.map(({ field, label, hint, path, long }) => (
        <FormField key={field} id={`scenario-details-${field}`} label={label} hint={hint} long={long} issue={issues[path]} value={draft[field]} onChange={(value) => setDraft({ ...draft, [field]: value })} />
      ))}
      <div className="export-actions">
        <button type="submit" className="primary">
          Save details
        </button>
      </div>
    </form>
  );
}
