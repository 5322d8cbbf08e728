// The words of a refused request: labels from field paths, and a schema's own message kept or completed.
import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldWords, sentence } from '../../../src/server/validation-messages.js';

describe('validation messages', () => {
  it('names fields as a form labels them', () => {
    expect(fieldWords('dueDate')).toBe('due date');
    expect(fieldWords('ownerId')).toBe('owner');
    expect(fieldWords('kpiIds')).toBe('KPIs');
    expect(fieldLabel(['title'])).toBe('The title');
    expect(fieldLabel(['values', 0, 'value'])).toBe('The value in item 1 of values');
    expect(fieldLabel(['kpiIds', 3])).toBe('Item 4 of the KPIs');
    expect(fieldLabel([])).toBe('The request');
  });

  it("passes a room's own sentence through unchanged", () => {
    const own = 'A target cannot be negative: revenue is counted from $0.';
    expect(sentence(own, ['target'])).toBe(own);
  });

  it('completes an older fragment with the field, or makes it a sentence', () => {
    expect(sentence('must be a date as YYYY-MM-DD', ['dueDate'])).toBe('The due date must be a date as YYYY-MM-DD.');
    expect(sentence('name at most three KPIs', ['kinds'])).toBe('Name at most three KPIs.');
  });
});
