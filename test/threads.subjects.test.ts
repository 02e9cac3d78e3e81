// The word pass before the subject patterns (kinds.ts, leadingWords): a sentence is searched for a kind only
// when it holds a word that the kind's subjects or anaphors can begin with, so every match must begin with one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leadingWords, loadThreadModel } from '../src/threads/kinds.js';

test('threads › leading words of word-list patterns', () => {
  assert.deepEqual(leadingWords(String.raw`\b(aid|peace (?:plan|deal)|sanctions?|(?:exchange|swap) of prisoners|sit-down)\b`),
    ['aid', 'peace', 'sanctions', 'sanction', 'exchange', 'swap', 'sit']);
  assert.deepEqual(leadingWords(String.raw`\b(?:Talks|POWs)\b`), ['talks', 'pows']);
});

test('threads › patterns of another form have no leading words', () => {
  for (const source of [
    String.raw`\b(aid\w*)\b`, String.raw`\b(a)|(b)\b`, String.raw`\b(ab)c\b`, String.raw`\b(ab?c)\b`, String.raw`\b(peace ?talks)\b`,
    String.raw`\b((?:a|b)s)\b`, String.raw`\b((?<!x)aid)\b`, String.raw`\b(?=x)(aid)\b`, String.raw`aid`, String.raw`\b(aid)\b(?! workers)`,
  ]) assert.equal(leadingWords(source), null, source);
});

test('threads › every subject and anaphor match begins with a leading word', () => {
  const model = loadThreadModel();
  const sentences = [
    'The summit and face-to-face talks, a sit-down and a trip: meetings, visits, the request and the invitation.',
    'Aid, assistance, a package of weapons supplies and arms supplies, military support, a tranche, a loan, shipments and deliveries.',
    'A ceasefire, the cease-fire, a truce, an armistice, the peace plan and peace talks, ceasefire arrangements.',
    'Sanctions, a sanction, an embargo, embargoes, asset freezes, export controls, a price cap, travel bans.',
    'A prisoner exchange, prisoner swaps, an exchange of prisoners, prisoners of war, POWs, detainees, captives, hostages.',
  ];
  for (const kind of model.kinds) {
    for (const pattern of [kind.subjects, kind.anaphors]) {
      if (!pattern) continue;
      const words = leadingWords(pattern.source);
      assert.ok(words, `${kind.kind}: ${pattern.source} is not a word list`);
      for (const sentence of sentences) {
        for (const m of sentence.matchAll(new RegExp(pattern.source, pattern.flags))) {
          const first = /^[A-Za-z]+/.exec(m[0])?.[0].toLowerCase();
          assert.ok(first && words.includes(first), `${kind.kind}: "${m[0]}" begins with none of ${words.join(', ')}`);
        }
      }
    }
  }
});
