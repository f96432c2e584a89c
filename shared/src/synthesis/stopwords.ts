import { normalizeText } from './normalize.ts';

/**
 * Function words that say nothing about what a note is about. Without them
 * "the", "و", "در" would be the strongest shared terms between unrelated
 * notes (IDF alone lowers them but their character n-grams still match).
 * Kept short on purpose: a content word wrongly listed here is lost for
 * every board, while a function word missing here is only down-weighted by
 * IDF. Written as people spell them and normalised at load, so the lists
 * go through exactly the same rules as the notes.
 */
const ENGLISH = `
a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can can't cannot cant could couldn't did didn't do does doesn't doing don't dont down during
each even ever every few for from further get gets getting got had hadn't has hasn't have haven't having he her
here hers herself him himself his how i i'd i'll i'm i've im if in into is isn't it it's its itself just let's
like lot lots me more most much must mustn't my myself no nor not now of off on once one only or other our ours
ourselves out over own please quite really same she should shouldn't so some still such than that that's the
their theirs them themselves then there there's these they they're this those though through to too under until
up upon us very was wasn't we we're we've were weren't what what's when where which while who whom why will with
won't would wouldn't yes yet you you're your yours yourself etc ok okay many well thing things something anything someone anyone everyone else everything nothing
`;

const ARABIC = `
في من إلى الى على عن مع أن إن ان أو او ثم هذا هذه ذلك تلك هناك هنا التي الذي الذين اللذين كان كانت يكون تكون
لا لم لن ما ماذا كل بعض قد لقد أيضا ايضا جدا جداً حتى عند عندما بعد قبل بين لكن لأن لان هو هي هم هن نحن أنا انا
أنت انت أنتم انتم لنا لي له لها لهم عندي عندنا عنده ليس ليست يوجد توجد فيه فيها به بها أي اي إذا اذا كيف أين اين
متى غير إلا الا أم حول خلال دون مثل نفس كذلك بسبب لدي لدينا يا و ف ب ل ك كما أكثر اكثر أقل اقل كثير كثيرا شيء
نريد اريد أريد يجب ممكن هل منذ الآن الان فقط لأننا لاننا لأنه لانه شيئا شيئاً
`;

const PERSIAN = `
و در به از که این آن را با برای است هست هستند بود بودند شد شود شده می نمی ما من تو او آنها ایشان شما یک هم نه
یا اما ولی اگر تا چون چه چرا کجا کی خیلی بسیار همه هر هیچ دیگر باید نیست نیز بر پس بعد قبل روی زیر خود کنیم
کنند کند کرد کردن کردند کنم دارد داریم دارند دارم داشت بودن باشد باشند مثل چند فقط حتی الان اینجا آنجا وقتی
هنوز ها های هایی یه اون این‌ها اینها ام ای کسی چیز چیزی
`;

function normalizedSet(...lists: string[]): ReadonlySet<string> {
  const words = lists.flatMap((list) => list.split(/\s+/)).filter((word) => word.length > 0);
  // ZWNJ inside a listed word ("این‌ها") is dropped exactly as the tokeniser drops it.
  return new Set(words.map((word) => normalizeText(word).replace(/\u200c/g, '')));
}

export const STOPWORDS: ReadonlySet<string> = normalizedSet(ENGLISH, ARABIC, PERSIAN);
