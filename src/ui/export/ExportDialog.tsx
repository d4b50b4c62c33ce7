import { useModalDialog } from '../use-modal-dialog';
import { useState } from 'react';
import { useKeptState } from '../use-kept-state';
import { store, useStore } from '../../data/store';
import { briefingModelNow, exportBriefing } from '../../map/export/export-briefing';
import { EXPORT_SIZE_IDS, PIXEL_RATIOS, exportSize, type ExportSizeId } from '../../briefing/sizes';
import { download } from './download';
import { useShallow } from 'zustand/react/shallow';
import { useMainMap } from '../../map/map-context';

/** "Export image": choose size, ratio, title and banner; preview the words; save PNG + alt text. */
export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialogRef = useModalDialog(open);
  const [size, setSize] = useKeptState<ExportSizeId>('export.size', 'slide');
  const [pixelRatio, setPixelRatio] = useKeptState('export.pixelRatio', 1);
  // The scenario's title until the user writes their own.
  const scenarioTitle = useStore((state) => state.scenario?.title ?? '');
  const [ownTitle, setTitle] = useKeptState<string | null>('export.title', null);
  const title = ownTitle ?? scenarioTitle;
  const [handling, setHandling] = useKeptState('export.handling', '');
  const [status, setStatus] = useState<string>('');
  const mainMap = useMainMap();
  // Re-render the preview whenever what the image would say changes.
  useStore(useShallow((state) => [state.time, state.mode, state.windowMonths, state.selectedEventId, state.hiddenLayers, state.filters]));
  const model = open ? briefingModelNow(store, { title, handling }) : null;


  const run = async () => {
    setStatus('Rendering…');
    try {
      const result = await exportBriefing(store, { size, pixelRatio, title, handling }, mainMap);
      download(result.png, result.fileName, 'image/png');
      download(result.altText, result.fileName.replace(/\.png$/, '.alt.txt'), 'text/plain;charset=utf-8');
      setStatus(`Saved ${result.fileName} (${result.width}×${result.height}) and its alt text.`);
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const chosen = exportSize(size, { width: window.innerWidth, height: window.innerHeight });
  const ratio = chosen.fixedPixelRatio ?? pixelRatio;
  return (
    <dialog ref={dialogRef} className="export-dialog" onClose={onClose} aria-labelledby="export-title">
      <h2 id="export-title">Export briefing image</h2>
      <div className="export-form">
        <label>
          Title
          <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} />
        </label>
        <label>
          Size
          <select value={size} onChange={(event) => setSize(event.target.value as ExportSizeId)}>
            {EXPORT_SIZE_IDS.map((id) => (
              <option key={id} value={id}>
                {exportSize(id, { width: window.innerWidth, height: window.innerHeight }).label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Pixel ratio
          <select value={pixelRatio} onChange={(event) => setPixelRatio(Number(event.target.value))} disabled={Boolean(chosen.fixedPixelRatio)}>
            {PIXEL_RATIOS.map((value) => (
              <option key={value} value={value}>
                {value}×
              </option>
            ))}
          </select>
        </label>
        <label>
          Handling banner (optional)
          <input value={handling} onChange={(event) => setHandling(event.target.value)} placeholder="e.g. UNCLASSIFIED // FOR TRAINING" maxLength={120} />
        </label>
      </div>
      <p className="muted">
        Output: {Math.round(chosen.width * ratio)}×{Math.round(chosen.height * ratio)} px PNG, with the alt text embedded and saved beside it.
      </p>
      {model && (
        <section className="export-preview" data-testid="export-preview" aria-label="What the image will say">
          {model.handling && <p className="export-preview-banner">{model.handling}</p>}
          <p className="export-preview-title">{model.title}</p>
          <p className="export-preview-stamp">{model.stamp}</p>
          {model.caption ? (
            <div className="export-preview-caption">
              <strong>{model.caption.title}</strong>
              <span>{model.caption.dateLine}</span>
              <q>{model.caption.quote.slice(1, -1)}</q>
              <span>— {model.caption.attribution}</span>
            </div>
          ) : (
            <p className="muted">No event selected: the image will have no caption.</p>
          )}
          <p className="export-preview-sources">Sources: {model.sources.join(' · ')}</p>
        </section>
      )}
      <p role="status" className="export-status">
        {status}
      </p>
      <div className="export-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="primary" onClick={run} disabled={status === 'Rendering…'}>
          Export PNG
        </button>
      </div>
    </dialog>
  );
}
