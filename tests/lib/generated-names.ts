// Docker names a container it was not given a name for "<adjective>_<surname>", with a digit
// appended when the first pick was taken. The adjectives are a fixed list; the surnames are only
// lowercase letters, so a name is recognised by its adjective.

const ADJECTIVES = `admiring adoring affectionate agitated amazing angry awesome beautiful blissful bold boring
brave busy charming clever compassionate competent condescending confident cool cranky crazy dazzling
determined distracted dreamy eager ecstatic elastic elated elegant eloquent epic exciting fervent festive
flamboyant focused friendly frosty funny gallant gifted goofy gracious great happy hardcore heuristic
hopeful hungry infallible inspiring intelligent interesting jolly jovial keen kind laughing loving lucid
magical modest musing mystifying naughty nervous nice nifty nostalgic objective optimistic peaceful
pedantic pensive practical priceless quirky quizzical recursing relaxed reverent romantic sad serene sharp
silly sleepy stoic strange stupefied suspicious sweet tender thirsty trusting unruffled upbeat vibrant
vigilant vigorous wizardly wonderful xenodochial youthful zealous zen`.split(/\s+/);

/** Matches a generated container name as a whole word (not inside a longer word or a dotted key). */
export const GENERATED_NAME = new RegExp(
  `(?<![\\w.-])(?:${ADJECTIVES.join('|')})_[a-z]+[0-9]?(?![\\w-])`,
  'g',
);

export function isGeneratedName(text: string): boolean {
  GENERATED_NAME.lastIndex = 0;
  const m = GENERATED_NAME.exec(text);
  return m !== null && m.index === 0 && m[0].length === text.length;
}
