import { useRef } from 'react';
import { store, useStore } from '../data/store';
import { BASEMAP_FLAVORS, type BasemapFlavor, FLAVOR_TITLES } from '../layers/basemap-choice';
import {
  chooseBasemapFile,
  chooseBasemapFlavor,
  chooseDeploymentBasemap,
  chooseEmbeddedBasemap,
  DEPLOYMENT_ARCHIVE,
  filePicker,
  pickBasemapFile,
} from '../map/own-basemap';

const CHOOSE_FILE = 'choose-file';

/**
 * In the legend, where a briefer looks for what the map shows: which basemap (the embedded Natural
 * Earth one, the deployment's archive, a .pmtiles file of their own) and, for an OpenStreetMap
 * one, its flavour. A file is read where it is on disk, never uploaded.
 */
export function BasemapPicker() {
  const basemap = useStore((state) => state.basemap);
  const flavor = useStore((state) => state.basemapFlavor);
  const reopenable = useStore((state) => state.reopenableBasemap);
  const fileInput = useRef<HTMLInputElement>(null);
  const current = basemap ? basemap.archive.origin : 'embedded';

  const onChoose = (value: string) => {
    if (value === 'embedded') void chooseEmbeddedBasemap(store);
    else if (value === 'deployment') void chooseDeploymentBasemap(store);
    else if (value === CHOOSE_FILE) {
      const picker = filePicker();
      if (picker) void pickBasemapFile(store, picker);
      else fileInput.current?.click();
    }
  };

  return (
    <div className="legend-basemap">
      <label>
        <span>Basemap</span>
        <select value={current} onChange={(event) => onChoose(event.target.value)} data-testid="basemap-select">
          <option value="embedded">Natural Earth (built in)</option>
          {DEPLOYMENT_ARCHIVE && <option value="deployment">OpenStreetMap ({DEPLOYMENT_ARCHIVE.split('/').pop()})</option>}
          {basemap && basemap.archive.origin !== 'deployment' && <option value={basemap.archive.origin}>{basemap.archive.name.split('/').pop()}</option>}
          <option value={CHOOSE_FILE}>Your own .pmtiles file…</option>
        </select>
      </label>
      {basemap && (
        <label>
          <span>Style</span>
          <select value={flavor} onChange={(event) => void chooseBasemapFlavor(store, event.target.value as BasemapFlavor)} data-testid="basemap-flavor">
            {BASEMAP_FLAVORS.map((name) => (
              <option key={name} value={name}>
                {FLAVOR_TITLES[name]}
              </option>
            ))}
          </select>
        </label>
      )}
      {reopenable && (
        <button type="button" className="legend-basemap-reopen" onClick={() => void reopenable.reopen()}>
          Use {reopenable.name} again
        </button>
      )}
      <input
        ref={fileInput}
        type="file"
        accept=".pmtiles"
        hidden
        data-testid="basemap-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void chooseBasemapFile(store, file);
        }}
      />
    </div>
  );
}
