/**
 * Fast English sentiment: an AFINN-like lexicon written for Audience Flow (product, service and
 * social-media vocabulary), run through the shared scorer. It is the `en` default because it is
 * many times faster than wink-nlp; wink stays available as the reference (see nodes/text.sentiment.ts).
 */
import { compileLexicon, scoreText, type CompiledLexicon } from './sentiment-engine';

const GROUPS: [number, string][] = [
  [
    4,
    `excellent, outstanding, superb, fantastic, amazing, awesome, wonderful, perfect, perfectly, brilliant, phenomenal, flawless,
    masterpiece, incredible, exceptional, magnificent, best, loved it, love it, highly recommend, highly recommended, must have,
    five stars, 5 stars, 10/10, works perfectly, works great, a must, top notch, first class, world class, stunning, breathtaking`,
  ],
  [
    3,
    `great, love, loved, loves, lovely, beautiful, delicious, terrific, superior, impressive, impressed, enjoyed, enjoyable,
    favorite, favourite, recommend, recommended, happy, pleased, delighted, satisfied, glad, thrilled, excited, exciting, fabulous,
    gorgeous, tasty, yummy, friendly, helpful, perfect fit, well made, well worth, worth it, worth every, a joy, joy, blessed, win,
    winner, wow, adore, adorable, charming, marvelous, marvellous, remarkable, spectacular, sweet, classic, genius, fun, funny,
    hilarious, touching, moving, beautifully, wonderfully, greatly, brilliantly, smooth, crisp, sturdy, reliable, comfortable`,
  ],
  [
    2,
    `good, nice, fine, fast, quick, quickly, easy, easily, clean, clear, fresh, cool, solid, decent, fair, well, better, works,
    worked, working, like, liked, likes, enjoy, enjoys, interesting, entertaining, attentive, polite, professional, prompt, fair price,
    affordable, cheap, bargain, value, worth, useful, handy, convenient, effective, efficient, durable, strong, powerful, bright, sharp,
    loud, light, lightweight, compact, stylish, sleek, elegant, cute, pretty, warm, cozy, generous, reasonable, reasonably, quality,
    thank, thanks, thank you, appreciate, appreciated, recommend it, satisfying, pleasant, pleasantly, positive, success, successful,
    awesome, rocks, ok, okay, fine, right, correct, accurate, authentic, original, creative, clever, smart, intelligent, nicely,
    excellent service, great service, good service, fast shipping, friendly staff, well done, beat, beats, superb, winner, best part`,
  ],
  [
    1,
    `pretty good, okay, ok, average, acceptable, adequate, alright, reasonable, simple, sufficient, care, hope, hopefully, fan,
    interesting, unique, real, bonus, safe, secure, stable, calm, honest, true, fine`,
  ],
  [
    -1,
    `slow, slowly, expensive, pricey, overpriced, small, tiny, heavy, hard, difficult, confusing, confused, odd, weird, strange,
    loose, cheaply, flimsy, thin, mediocre, meh, bland, lacking, lacks, lack, mixed, noisy, loud noise, dull, dim, late, delay,
    delayed, wait, waited, waiting, long wait, too long, issue, issues, concern, concerns, doubt, unfortunately, sadly, minor, tired`,
  ],
  [
    -2,
    `bad, poor, poorly, wrong, problem, problems, broke, broken, break, breaks, fail, fails, failed, failure, faulty, defective,
    disappoint, disappointed, disappointing, disappointment, unhappy, sad, annoying, annoyed, angry, upset, frustrating, frustrated,
    boring, bored, ugly, dirty, cold, rude, unfriendly, unhelpful, unprofessional, useless, worthless, cheap quality, junk, return,
    returned, returning, refund, complaint, complain, complained, hate, hated, dislike, disliked, lousy, sucks, suck, sucked, stupid,
    dumb, waste, wasted, wasting, lost, missing, stopped working, doesn't work, does not work, didn't work, won't work, no good,
    not good, not working, dropped, drops, dropping, died, dead, crap, crappy, cheesy, lame, weak, awkward, unreliable,
    uncomfortable, unusable, unacceptable, overcooked, undercooked, soggy, stale, greasy, burnt, bitter, nasty, mess, messy, hassle,
    inferior, negative, avoid, bug, bugs, buggy, crash, crashes, crashed, freeze, freezes, static, scratched, cracked, leak, leaks,
    regret, sorry, mistake, pain, painful, poorly made, too expensive, not worth, not recommend, shame, flaw, flawed, flaws, fake`,
  ],
  [
    -3,
    `terrible, horrible, awful, worst, disgusting, pathetic, garbage, trash, rubbish, joke, ridiculous, horrendous, atrocious,
    dreadful, abysmal, hated it, hate it, waste of money, waste of time, piece of junk, piece of crap, piece of garbage, never again,
    total waste, rip off, ripoff, scam, fraud, sick, nauseous, insult, insulting, offensive, furious, outraged, disaster, nightmare,
    zero stars, one star, 1 star, no stars, do not buy, don't buy, stay away, avoid at all costs, unwatchable, inedible, worse`,
  ],
  // Added with the question rule (shop comments): repurchase, skin feel, damage and silence.
  [2, `buy again, order again, buying again, ordering again, soft, softer, silky, smells great, smells amazing`],
  [
    -2,
    `looks cheap, look cheap, rash, rashes, breakout, breakouts, crushed, leaked, leaking, nobody answering, no one answering,
    nobody answers, no one answers, not answering, no reply, never replied, ignored`,
  ],
  // Tweets about brands and launches (checked on a development half of the CrowdFlower brand
  // tweets): cheering and looking forward, envy of a product, contests and giveaways (a chance
  // to win is news, not praise), and the words of annoyance the lists above lacked.
  [3, `yay, congrats, congratulations, loving, can't wait, cant wait, cannot wait, looking forward, kudos, woohoo, hooray`],
  [2, `enjoying, lucky, wins, winning, thumbs up, props, ftw, so jealous, impressive, slick, handy, intuitive, saves`],
  [1, `won, lol, haha, smile, smiling, trending, envy, optimistic, applause, endorsed, highlight, i want that`],
  [3, `woot, booyah, psyched, pumped, thank goodness, killer app, bout time`],
  [0, `to win, chance to win, win a, win an, win free, free, giveaway, give away, giving away, contest, sweepstakes`],
  [
    -2,
    `headache, headaches, sux, suxx, meh, smug, smugness, cocky, arrogant, overrated, overheating, overheats, drains, drained, crashing, glitch, glitches, glitchy, laggy, lag`,
  ],
  [-3, `fascist, evil, epic fail, facepalm, wtf, unbearable`],
  [
    -2,
    `crashy, ridic, can't keep up, doesn't last, does not last, fix your, sad face, heartbreaker, heartbreaking, egomaniac,
    egomaniacs, weeping, throttled, destroyed, damage, trashy, desperate, crisis, enough already, no shame, stuck`,
  ],
  [-1, `bah, duh, jeez, ugh, sigh, shell out, dried up`],
];

/** Word or phrase → valence (−4…+4). */
export const EN_ENTRIES: Record<string, number> = {};
for (const [value, list] of GROUPS) {
  for (const raw of list.split(',')) {
    const phrase = raw.trim().replace(/\s+/g, ' ');
    if (phrase && !(phrase in EN_ENTRIES)) EN_ENTRIES[phrase] = value;
  }
}

export const EN_NEGATORS = [
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'neither',
  'nor',
  'nowhere',
  'without',
  'hardly',
  'barely',
  'cannot',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "won't",
  "wouldn't",
  "can't",
  "couldn't",
  "shouldn't",
  "haven't",
  "hasn't",
  "hadn't",
  "ain't",
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'wont',
  'wouldnt',
  'cant',
  'couldnt',
  'shouldnt',
  'havent',
  'hasnt',
  'lack',
  'lacks',
];

export const EN_BOOSTERS: Record<string, number> = {
  very: 1.3,
  really: 1.3,
  so: 1.25,
  extremely: 1.5,
  super: 1.4,
  totally: 1.35,
  absolutely: 1.45,
  incredibly: 1.45,
  highly: 1.4,
  truly: 1.3,
  most: 1.25,
  too: 1.2,
  completely: 1.35,
  utterly: 1.45,
  especially: 1.2,
  particularly: 1.2,
  quite: 1.1,
  such: 1.2,
  deeply: 1.3,
  exceptionally: 1.4,
  remarkably: 1.3,
  seriously: 1.3,
  definitely: 1.2,
  just: 1.1,
  even: 1.1,
  somewhat: 0.7,
  slightly: 0.6,
  kinda: 0.7,
  fairly: 0.8,
  rather: 0.85,
};

export const EN_CONTRAST = ['but', 'however', 'although', 'though', 'yet'];

/**
 * Auxiliaries that open a yes/no question ("is it worth the price?"): such a clause, ending with
 * "?", asks about a quality rather than judging it. Negative ones ("isn't it gorgeous?") are
 * left out: those questions are usually exclamations (which the negation rule still misreads as
 * negative — a known limit).
 */
export const EN_QUESTION_STARTS = [
  'is',
  'are',
  'was',
  'were',
  'am',
  'do',
  'does',
  'did',
  'can',
  'could',
  'will',
  'would',
  'should',
  'shall',
  'has',
  'have',
  'had',
  'may',
  'might',
  'any',
];

let compiled: CompiledLexicon | null = null;

/** The compiled English lexicon (built once, on first use). */
export function enLexicon(): CompiledLexicon {
  compiled ??= compileLexicon({
    entries: EN_ENTRIES,
    negators: EN_NEGATORS,
    boosters: EN_BOOSTERS,
    contrast: EN_CONTRAST,
    fold: false,
    questionStarts: EN_QUESTION_STARTS,
  });
  return compiled;
}

/** Sentiment of an English text in [−1, 1] with the fast lexicon. */
export function scoreEnglish(text: string): number {
  return scoreText(text, enLexicon());
}
