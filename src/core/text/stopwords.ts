/**
 * English and Vietnamese stop words for pain-point terms: function words, pronouns, particles,
 * common teen-code, and words every shop comment carries (shop, ad, page). Vietnamese entries are
 * listed with accents; their unaccented spellings are added automatically where they are not also
 * a content word ("mua", "hang", "giao" are never stop words).
 */
import { foldVi } from './tokenize';

const EN = `a about above after again against all also am an and any are aren't as at be because been before being below between both but by
can can't cannot could couldn't did didn't do does doesn't doing don't down during each even ever every few for from further get gets got had
hadn't has hasn't have haven't having he her here hers herself him himself his how i i'm i've i'd i'll if in into is isn't it it's its itself
just let's like me more most much must my myself no nor not now of off on once only or other ought our ours ourselves out over own really same
she should shouldn't so some such than that that's the their theirs them themselves then there there's these they they're this those through
to too under until up us very was wasn't we we're we've were weren't what what's when where which while who whom why will with won't would
wouldn't yet you you're you've your yours yourself yourselves im ive dont cant wont didnt doesnt isnt thats u ur pls plz please thanks thank
ok okay oh yes yeah lol omg haha hahaha guys one two still already shop page admin ad hi hey hello`;

const VI = `và là của có cho với thì mà này kia đó đấy những các một được bị đã đang sẽ rồi nữa cũng vẫn lại ra vào lên xuống đi đến tới từ
trong ngoài trên dưới về như nhưng nên vì để nếu khi lúc thế vậy nào gì ai đâu sao bao nhiêu ạ à ơi nhé nha nhá nè ha hả hen á ấy ý thôi luôn
lắm quá rất hơi khá chỉ mới vừa còn hết cả mọi mỗi từng em anh chị mình tôi tui bạn bà ông cô chú họ nó tao mày ad admin ok oke ừ ừm dạ vâng
không chưa chứ đây thật thiệt ghê nhỉ nhen hông hok ko k kh dc đc r j z mn mik mk e a c b ng vs cx cg thui hihi hehe kk kkk haha
shop page cái chiếc con cây thấy làm biết muốn phải cần rằng thì là bởi do tại nhiều ít hay hoặc rùi nhe ak ah uh`;

const ALSO_CONTENT = new Set(['mua', 'hang', 'giao', 'gia', 'ban', 'dung', 'mau', 'toi', 'ma', 'co', 'bi']);

function build(): Set<string> {
  const words = `${EN} ${VI}`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.normalize('NFC'));
  const set = new Set(words);
  for (const w of VI.split(/\s+/)) {
    const f = foldVi(w);
    if (f !== w && !ALSO_CONTENT.has(f)) set.add(f);
  }
  return set;
}

/** The English stop words alone (lowercased). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(EN.split(/\s+/).filter(Boolean));

/** Every stop word, lowercased NFC (and Vietnamese ones also without accents). */
export const STOP_WORDS: ReadonlySet<string> = build();
