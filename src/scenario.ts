/** The first scenario's name, used in the header and as the default title of briefing images. */
export const SCENARIO_TITLE = 'Russia–North Korea ties and the balance of power in East Asia';
