// The rules that choose the basemap's names for any region (scripts/geo/basemap-places.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { cityPlaces, plainTransliteration, type Place } from '../../scripts/geo/basemap-places';

describe('plainTransliteration', () => {
  it("drops a transliteration's marks and keeps a language's own accents", () => {
    expect(['Al Ḩudaydah', 'Ta‘izz', 'Dhamār', 'Göteborg', 'Gdańsk', 'São Paulo', 'Şanlıurfa'].map(plainTransliteration)).toEqual(['Al Hudaydah', 'Taizz', 'Dhamar', 'Göteborg', 'Gdańsk', 'São Paulo', 'Şanlıurfa']);
  });
});

describe('the towns named at each zoom', () => {
  let byName: Map<string, Place>;
  beforeAll(() => {
    byName = new Map(cityPlaces().map((place) => [place.properties.name, place]));
  });
  const minzoom = (name: string) => byName.get(name)!.properties.minzoom;

  it('names every capital by zoom 3, whatever its size', () => {
    expect([minzoom('Tallinn'), minzoom('Djibouti'), minzoom('Taipei'), minzoom('Helsinki')].every((zoom) => zoom <= 3)).toBe(true);
  });

  it('names a town once its larger neighbour is far enough away on screen: Xiamen no sooner than Shantou, Tainan well after Kaohsiung', () => {
    expect(minzoom('Xiamen')).toBeGreaterThanOrEqual(minzoom('Shantou'));
    expect(minzoom('Xiamen')).toBeLessThan(6);
    expect(minzoom('Tainan') - minzoom('Kaohsiung')).toBeGreaterThan(2);
  });

  it('keeps villages for the city-scale zooms', () => {
    const villages = [...byName.values()].filter((place) => place.properties.population! < 3000);
    expect(villages.every((place) => place.properties.minzoom >= 9 || place.properties.capital)).toBe(true);
  });
});
