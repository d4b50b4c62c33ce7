import { useRef, useState } from 'react';

const ACCEPT = '.geojson,.json,.csv,.tsv,.txt,application/geo+json,application/json,text/csv,text/tab-separated-values,text/plain';

type OnFile = (file: File) => void;

/** "Import events…": an accessible button in front of a hidden file picker. */
export function ImportButton({ onFile }: { onFile: OnFile }) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => inputRef.current?.click()} title="Import a CSV or GeoJSON events file (or drop it on the map)">
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
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = '';
        }}
      />
    </>
  );
}

/** Drag-and-drop a file anywhere on the map: `onFile` decides what it is. */
export function DropZone({ onFile, children }: { onFile: OnFile; children: React.ReactNode }) {
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
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      {children}
      {dragging && <div className="drop-hint">Drop a scenario (.tripwire.json) to open it, or a CSV or GeoJSON events file to import it</div>}
    </div>
  );
}
