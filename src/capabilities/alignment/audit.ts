// How the alignment room's audit entries read: "Dana Whitfield set the alignment weights to goals 30, cadence 20,
// messaging 20, shadowing 10, celebration 20".
import { fieldsOf, type AuditDescriber } from '../../shared/contracts/audit.js';
import { STRATEGIES, STRATEGY_LABELS } from './schemas.js';

export function alignmentAuditDescriber(): AuditDescriber {
  return {
    room: 'alignment',
    kinds: { alignment_weights: 'Alignment weights' },
    describe(f) {
      if (f.action !== 'alignment_weights.changed') return null;
      const after = fieldsOf(f.after);
      const parts = STRATEGIES.map((s) => `${STRATEGY_LABELS[s].toLowerCase()} ${typeof after[s] === 'number' ? after[s] : '?'}`);
      return `${f.actor} set the alignment weights to ${parts.join(', ')}`;
    },
  };
}
