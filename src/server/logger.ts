import { pino, type Logger as PinoLogger } from 'pino';
import type { Config } from './config.js';

export type Logger = PinoLogger;

/** Structured JSON logs; credentials are redacted wherever they appear. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.secret'],
      censor: '[redacted]',
    },
  });
}
