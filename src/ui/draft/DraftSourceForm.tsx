import { useRef } from 'react';
import { FormField } from '../edit/FormField';
import type { DraftSource, DraftSourceField } from '../../draft/draft-source';
import { textOfHtml } from '../../draft/html-text';

const FILE_TYPES = '.txt,.text,.md,.html,.htm,text/plain,text/html,text/markdown';

/** A file's text: an HTML file reduced to its words (never rendered), anything else as written. */
async function textOfFile(file: File): Promise<string> {
  const text = await file.text();
  return /\.html?$/i.test(file.name) || file.type === 'text/html' ? textOfHtml(text) : text;
}

/** Puts `inserted` in place of the textarea's selection, as a plain paste would. */
function insertAtSelection(field: HTMLTextAreaElement, value: string, inserted: string): string {
  return value.slice(0, field.selectionStart) + inserted + value.slice(field.selectionEnd);
}

/**
 * The draft's first step: the source's title, publication date and link, and its text, pasted
 * (HTML from a browser is reduced to its text, paragraph breaks kept) or opened from a file.
 */
export function DraftSourceForm({
  source,
  issues,
  busy,
  onChange,
  onDraft,
}: {
  source: DraftSource;
  issues: Partial<Record<DraftSourceField, string>>;
  busy: boolean;
  onChange: (source: DraftSource) => void;
  onDraft: () => void;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const field = (name: Exclude<DraftSourceField, 'text'>, label: string, hint?: string) => (
    <FormField id={`draft-${name}`} label={label} hint={hint} issue={issues[name]} value={source[name]} onChange={(value) => onChange({ ...source, [name]: value })} />
  );
  return (
    <form
      className="draft-source"
      onSubmit={(submitted) => {
        submitted.preventDefault();
        onDraft();
      }}
    >
      <div className="draft-source-fields">
        {field('title', 'Title', 'the article’s headline, cited by every event')}
        {field('published', 'Published', 'YYYY-MM-DD')}
        {field('url', 'Link', 'optional, http(s)')}
      </div>
      <div className="form-field draft-text-field">
        <label htmlFor="draft-text">
          Text <span className="muted">(paste the article, or open a text or HTML file; pasted web pages keep only their words)</span>
        </label>
        <textarea
          id="draft-text"
          value={source.text}
          spellCheck={false}
          aria-invalid={issues.text ? true : undefined}
          aria-describedby={issues.text ? 'draft-text-issue' : undefined}
          onChange={(event) => onChange({ ...source, text: event.target.value })}
          onPaste={(event) => {
            const html = event.clipboardData.getData('text/html');
            if (!html) return;
            event.preventDefault();
            onChange({ ...source, text: insertAtSelection(event.currentTarget, source.text, textOfHtml(html)) });
          }}
        />
        {issues.text && (
          <p id="draft-text-issue" className="form-issue">
            {issues.text}
          </p>
        )}
      </div>
      <div className="draft-source-actions">
        <button type="button" onClick={() => fileRef.current?.click()}>
          Open a text file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept={FILE_TYPES}
          hidden
          aria-label="Open a source text file"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            onChange({ ...source, title: source.title || file.name.replace(/\.[^.]+$/, ''), text: await textOfFile(file) });
          }}
        />
        <span className="draft-spacer" />
        <button type="submit" className="primary" disabled={busy}>
          Find events
        </button>
      </div>
    </form>
  );
}
