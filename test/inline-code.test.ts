import { describe, expect, it } from 'vitest';
import { isPlainWord, writtenWithoutBackticks } from '../rules/inline-code.js';

describe('inline-code helpers', () => {
  it('tells plain words from identifiers and literals', () => {
    for (const word of ['raise', 'dict', 'Request', 'scopes', '整数']) expect(isPlainWord(word), word).toBe(true);
    for (const code of ['raw_data', 'JSONResponse', 'GET', 'q', '/api/v1', 'x.y()', '--flag', 'False', 'null', 'utf8']) {
      expect(isPlainWord(code), code).toBe(false);
    }
  });

  it('finds a span written without backticks, in any quote marks', () => {
    expect(writtenWithoutBackticks('"items"', 'einen String „items“ enthält')).toBe(true);
    expect(writtenWithoutBackticks('"tax": 20.2', 'l’attribut « tax »: 20.2, le modèle')).toBe(true);
    expect(writtenWithoutBackticks('scopes', 'hängt von den „Scopes“ ab')).toBe(true);
    expect(writtenWithoutBackticks('with', '[with를 사용해 파일을 읽을 수 있습니다]')).toBe(true);
    expect(writtenWithoutBackticks('"*"', 'toutes avec le caractère générique « * ».')).toBe(true);
    expect(writtenWithoutBackticks('---', 'एक कोड बाड़ (---) का उपयोग')).toBe(true);
  });

  it('does not take a word inside another word, or punctuation outside quotes, for the span', () => {
    expect(writtenWithoutBackticks('id', 'Kopfzeilen-IDs verarbeitet')).toBe(false);
    expect(writtenWithoutBackticks('Optional', 'the value is optional')).toBe(false);
    expect(writtenWithoutBackticks('.', 'Ende des Satzes.')).toBe(false);
    expect(writtenWithoutBackticks('raise', 'podrías lanzar')).toBe(false);
  });
});
