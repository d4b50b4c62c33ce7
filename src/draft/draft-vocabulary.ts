// The small vocabularies a draft is guessed with: who acts (countries, their leaders and
// organisations, by the names news uses for them), what kind of event a sentence reports, and
// whether it is stated, alleged or claimed. Guesses for the analyst to confirm, never facts.
import type { Actor, Category } from '../data/vocabulary';

/** Words that name an actor (whole words, case-sensitive: "Kim", not "kimchi"). */
const ACTOR_WORDS: Record<Actor, string[]> = {
  RUS: ['Russia', 'Russian', 'Russians', 'Moscow', 'Kremlin', 'Putin', 'Lavrov', 'Shoigu', 'Soviet', 'USSR'],
  PRK: ['North Korea', 'North Korean', 'North Koreans', 'Pyongyang', 'Kim Jong Un', 'Kim Jong Il', 'Kim Il Sung', 'DPRK'],
  KOR: ['South Korea', 'South Korean', 'South Koreans', 'Seoul', 'Yoon'],
  CHN: ['China', 'Chinese', 'Beijing', 'Xi Jinping'],
  JPN: ['Japan', 'Japanese', 'Tokyo', 'Kishida'],
  USA: ['United States', 'U.S.', 'US', 'Washington', 'White House', 'Pentagon', 'Biden', 'Trump'],
  UKR: ['Ukraine', 'Ukrainian', 'Ukrainians', 'Kyiv', 'Zelensky'],
  VNM: ['Vietnam', 'Vietnamese', 'Hanoi'],
  Wagner: ['Wagner', 'Wagner Group', 'Prigozhin'],
  UN: ['United Nations', 'U.N.', 'UN', 'Security Council'],
};

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ACTOR_PATTERNS = Object.entries(ACTOR_WORDS).map(([actor, words]) => [actor as Actor, new RegExp(`(?<![\\p{L}])(?:${words.map(escape).join('|')})(?![\\p{L}])`, 'u')] as const);

export function actorsIn(sentence: string): Actor[] {
  return ACTOR_PATTERNS.filter(([, pattern]) => pattern.test(sentence)).map(([actor]) => actor);
}

/** First match wins: the more specific kinds come first. */
const CATEGORY_CUES: [Category, RegExp][] = [
  ['missile-test', /\b(missiles? (?:test|launch)|launch(?:es|ed)?|ballistic|ICBM|nuclear test|fired)\b/i],
  ['weapons-transfer', /\b(arms|weapons|shells|ammunition|rockets|munitions|supplies|sent|supplying|hardware)\b/i],
  ['sanctions', /\b(sanctions?|veto(?:ed|ing)?|embargo)\b/i],
  ['exercise', /\b(exercises?|drills?|joint patrols?|war games)\b/i],
  ['military-activity', /\b(bombers?|drones?|troops|patrols?|incursions?|airspace|military activity|flew|push)\b/i],
  ['diplomacy', /\b(summit|visit(?:ed|s)?|met|meeting|talks|trip|agreement|treaty|ties|recogni[sz]e)\b/i],
  ['policy', /\b(policy|strategy|doctrine|budget|overhaul|law)\b/i],
];

export function categoryOf(sentence: string): Category {
  return CATEGORY_CUES.find(([, cue]) => cue.test(sentence))?.[0] ?? 'statement';
}

/** An allegation stays an allegation: the sentence's own verb decides, "reported" otherwise. */
export function statusOf(sentence: string): 'alleged' | 'claimed' | 'denied' | 'expected' | 'reported' {
  if (/\b(alleg\w*|accus\w*)\b/i.test(sentence)) return 'alleged';
  if (/\bdenied\b/i.test(sentence)) return 'denied';
  if (/\b(claim\w*|argued)\b/i.test(sentence)) return 'claimed';
  if (/\b(await\w*|expected|will)\b/i.test(sentence)) return 'expected';
  return 'reported';
}
