import { describe, expect, it } from 'vitest';
import { eventFormValuesOf, eventFromFormValues, idFor } from '../../src/data/editing/event-form-values';
import { toDay } from '../../src/data/dates';

const blank = eventFormValuesOf(null, null);
const NEW = { base: null, id: 'new-event', eventSetId: 'events', key: 7 };

describe('the event form', () => {
  it('makes a valid event from typed fields, with its day numbers, set and key', () => {
    const result = eventFromFormValues({ ...blank, title: 'Convoy', date: '2023-01', longitude: '130,3', latitude: '42.25', actors: 'RUS, PRK' }, NEW);
    expect(result.issues).toBeNull();
    expect(result.event).toMatchObject({ id: 'new-event', title: 'Convoy', eventSetId: 'events', key: 7, start: toDay(2023, 1, 1), end: toDay(2023, 1, 31), precision: 'month', actors: ['RUS', 'PRK'] });
    expect(result.event!.geometry).toEqual({ type: 'Point', coordinates: [130.3, 42.25] });
  });

  it('puts each problem beside its field and makes no event', () => {
    const result = eventFromFormValues({ ...blank, title: ' ', date: '2023-13', longitude: '', latitude: '95' }, NEW);
    expect(result.event).toBeNull();
    expect(result.issues).toMatchObject({ title: 'must not be empty', date: expect.stringContaining('real date'), longitude: 'needed: type it, or click the map', latitude: 'latitude must be within −90…90' });
  });

  it('keeps what the form does not show when an event is edited (quote reasoning, layers, its id and key)', () => {
    const base = eventFromFormValues({ ...blank, title: 'Launch', date: '2022-01-27', longitude: '129.6', latitude: '40.6' }, NEW).event!;
    const withHidden = { ...base, dateReasoning: 'From the JCS statement.', layers: ['alsom-island'] };
    const edited = eventFromFormValues({ ...eventFormValuesOf(withHidden, null), title: 'Launch (KN-23)' }, { ...NEW, base: withHidden, id: 'ignored', key: 99 }).event!;
    expect(edited).toMatchObject({ id: 'new-event', key: 7, title: 'Launch (KN-23)', dateReasoning: 'From the JCS statement.', layers: ['alsom-island'] });
  });

  it('reads a route as one "lon, lat" per line', () => {
    const result = eventFromFormValues({ ...blank, title: 'Flight', date: '2022-08-23', route: '130, 37\n131.5, 38.25' }, NEW);
    expect(result.event!.geometry).toEqual({ type: 'LineString', coordinates: [[130, 37], [131.5, 38.25]] });
  });

  it('derives readable ids from title and date', () => {
    expect(idFor('Ship seized off Busan!', '2024-03')).toBe('ship-seized-off-busan-2024-03');
  });
});
