import { useRef, useState } from 'react';
import { store } from '../../data/store';
import { importEventsFile, type ImportReport } from '../../data/import-actions';

const ACCEPT = '.geojson,.json,.csv,application/geo+json,application/json,text/csv';

type OnReport = (report: ImportReport) => void;
const take = async (file: File | undefined, onReport: OnReport) => {
  if (file) onReport(await importEventsFile(store, file));
};

/** "Import events…": an accessible button in front of a hidden file picker. */
export function ImportButton({ onReport }: { onReport: OnReport }) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => inputRef.current?.click()} title="Import a GeoJSON or CSV events file (or drop it on the map)">
        Import events…
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label="Import events file"
        data-testid="import-input"
        onChange={(event) => {
          void take(event.target.files?.[0], onReport);
          event.target.value = '';
        }}
      />
    </>
  );
}

/** Drag-and-drop a file anywhere on the map to import it. */
export function DropZone({ onReport, children }: { onReport: OnReport; children: React.ReactNode }) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className="drop-zone"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        void take(event.dataTransfer.files[0], onReport);
      }}
    >
      {children}
      {dragging && <div className="drop-hint">Drop a GeoJSON or CSV events file to import it</div>}
    </div>
  );
}
