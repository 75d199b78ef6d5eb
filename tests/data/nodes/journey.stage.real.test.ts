/**
 * journey.stage on REAL comments: the hand-labelled EN tweets / appliance questions and VI shop,
 * social and news comments of tests/fixtures/journey-real-{en,vi}.ts (ids and hashes only; the
 * texts are read from ../shared/data by tests/helpers/journey-real.ts). The classifier was tuned
 * on the dev halves only; the heldout halves are the honest figure. Prints, per language and
 * half: accuracy and macro-F1 of the default settings, of the lexicon alone and of always
 * answering "experience", the recall of every stage and the confusion matrix. Floors sit a few
 * points below the measured heldout figures; the default must beat always-"experience".
 * Skipped (one line) when the data sets are not beside the project.
 */
import { type Table, tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/journey.stage';
import type { NodeDef } from '../../../src/core/contract/node';
import { STAGES } from '../../../src/core/journey/stages';
import { type Evaluation, evaluate } from '../../../src/core/text/classifier';
import { JOURNEY_REAL_EN } from '../../fixtures/journey-real-en';
import { JOURNEY_REAL_EN2 } from '../../fixtures/journey-real-en2';
import { JOURNEY_REAL_EN3 } from '../../fixtures/journey-real-en3';
import { JOURNEY_REAL_VI } from '../../fixtures/journey-real-vi';
import { loadReal, type RealLabel } from '../../helpers/journey-real';
import { sharedData } from '../../helpers/shared-data';
import { runNode } from '../../helpers/run-node';

const def = node as unknown as NodeDef;
/** en = the first English set, en2 = the second one (drawn after the first was used up by tuning). */
const SETS: Record<'en' | 'en2' | 'en3' | 'vi', RealLabel[]> = {
  en: JOURNEY_REAL_EN,
  en2: JOURNEY_REAL_EN2,
  en3: JOURNEY_REAL_EN3,
  vi: JOURNEY_REAL_VI,
};
/** The third set's sources that no set was tuned on (all their rows are heldout): the "unseen sources" part. */
const UNSEEN = /^(uci_sentiment_labelled_sentences\/imdb_labelled\.txt|pfizer_vaccine_tweets\/)/;

/** The data files the labels point at. */
const FILES = [
  ...new Set(
    Object.values(SETS)
      .flat()
      .map((l) => l.id.replace(/#\d+$/, '')),
  ),
];
const data = sharedData(...FILES);

/**
 * Floors on the HELDOUT halves (default settings), a few points below what was measured when the
 * classifier was frozen: EN 61.0% (macro-F1 0.411), VI 84.7% (0.605); before the rework EN 32.7%
 * (0.282), VI 40.8% (0.324). Always "experience" gets EN 31.7%, VI 57.7%.
 */
/**
 * The second English set, before any change made with it: dev 62.0% (0.541), heldout 59.6% (0.463);
 * after tuning on the two English dev halves: dev 69.6% (0.621), heldout 62.9% (0.532), while the
 * first set's heldout moved to 59.5% (0.408) and VI's to 84.2% (0.598).
 */
/**
 * Version 5 (a layer learned from the dev halves of all four sets, tests/fixtures/journey-real/learn.ts;
 * the heldout halves of the first two sets had been looked at before, the third's never):
 * heldout EN 65.9% (0.448), EN2 71.5% (0.587), EN3 71.9% (0.626; before the change 58.5%, 0.479), of
 * which its unseen sources (IMDb, Pfizer) 58.2% (0.294; before 38.2%), VI 83.2% (0.571).
 */
const FLOORS = {
  en: { accuracy: 0.62, macroF1: 0.42 },
  en2: { accuracy: 0.68, macroF1: 0.55 },
  en3: { accuracy: 0.68, macroF1: 0.59 },
  vi: { accuracy: 0.8, macroF1: 0.54 },
};

const confidences = new Map<string[], Float64Array>();
async function predict(texts: string[], params: Record<string, unknown>): Promise<string[]> {
  const { outputs } = await runNode(def, { in: tableFromArrays({ text: texts }) }, params);
  const out = (outputs.out as Table).getChild('journey_stage')!.toArray() as string[];
  confidences.set(out, (outputs.out as Table).getChild('journey_confidence')!.toArray() as Float64Array);
  return out;
}

/** How often the answers above 0.8 and below 0.6 confidence are right. */
function calibration(truth: string[], predicted: string[]): string {
  const conf = confidences.get(predicted)!;
  const band = (keep: (c: number) => boolean) => {
    const i = truth.map((_, k) => k).filter((k) => keep(conf[k]!));
    const ok = i.filter((k) => truth[k] === predicted[k]).length;
    return i.length ? `${pct(ok / i.length)} right of ${i.length}` : 'none';
  };
  return `above 0.8: ${band((c) => c > 0.8)}; 0.6–0.8: ${band((c) => c >= 0.6 && c <= 0.8)}; below 0.6: ${band((c) => c < 0.6)}`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const fig = (e: Evaluation) => `${pct(e.accuracy)} (macro-F1 ${e.macroF1.toFixed(3)})`;

function confusion(truth: string[], predicted: string[]): string {
  const lines = [`    ${'truth \\ predicted'.padEnd(18)}${STAGES.map((s) => s.slice(0, 5).padStart(7)).join('')}      n`];
  for (const t of STAGES) {
    const n = truth.filter((x) => x === t).length;
    if (!n) continue;
    const row = STAGES.map((p) => String(truth.filter((x, i) => x === t && predicted[i] === p).length).padStart(7));
    lines.push(`    ${t.padEnd(18)}${row.join('')}  ${String(n).padStart(5)}`);
  }
  return lines.join('\n');
}

describe.skipIf(!data.available)('journey.stage on real labelled comments', () => {
  for (const lang of ['en', 'en2', 'en3', 'vi'] as const) {
    it(`${lang}: default settings beat always "experience" and stay above the heldout floors`, async () => {
      const rows = loadReal(SETS[lang]);
      const results: Record<string, { def: Evaluation; lex: Evaluation; always: Evaluation }> = {};
      const parts =
        lang === 'en3' ? (['dev', 'heldout', 'heldout, same sources', 'heldout, unseen sources'] as const) : (['dev', 'heldout'] as const);
      for (const split of parts) {
        const part = rows.filter((r) =>
          split === 'dev'
            ? r.split === 'dev'
            : r.split === 'heldout' && (split === 'heldout' || (split === 'heldout, same sources') !== UNSEEN.test(r.id)),
        );
        const texts = part.map((r) => r.text),
          truth = part.map((r) => r.stage as string);
        const byDefault = await predict(texts, {});
        const lexOnly = await predict(texts, { examples: false });
        const r = {
          def: evaluate(truth, byDefault),
          lex: evaluate(truth, lexOnly),
          always: evaluate(
            truth,
            truth.map(() => 'experience'),
          ),
        };
        results[split] = r;
        const recall = STAGES.filter((s) => r.def.perClass[s]?.support)
          .map((s) => `${s} ${r.def.perClass[s]!.recall.toFixed(2)}`)
          .join(', ');
        console.log(
          [
            `journey.stage real ${lang.toUpperCase()} ${split} (${part.length} texts)`,
            `  default            : ${fig(r.def)}`,
            `  lexicon only       : ${fig(r.lex)}`,
            `  always "experience": ${fig(r.always)}`,
            `  recall per stage (default): ${recall}`,
            `  confidence (default): ${calibration(truth, byDefault)}`,
            '  confusion (default):',
            confusion(truth, byDefault),
          ].join('\n'),
        );
      }
      const held = results.heldout!;
      for (const split of ['dev', 'heldout']) {
        expect(results[split]!.def.accuracy).toBeGreaterThan(results[split]!.always.accuracy);
        expect(results[split]!.def.macroF1).toBeGreaterThan(results[split]!.always.macroF1);
      }
      expect(held.def.accuracy).toBeGreaterThanOrEqual(FLOORS[lang].accuracy);
      expect(held.def.macroF1).toBeGreaterThanOrEqual(FLOORS[lang].macroF1);
    });
  }
});
