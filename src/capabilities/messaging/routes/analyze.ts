// The pain analyzer over HTTP (SPEC S3, issue 12): a marketer checks copy from another tool with
// POST /messaging/analyze, and the evidence form suggests pains from the buyer's words with POST /messaging/pains/suggest.
// Both only read: every member may use them, viewers too. The text is analysed against the caller's workspace only.
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { actorOf } from '../../../server/auth.js';
import { AnalysisView, AnalyzeInput, SuggestInput, SuggestView } from '../analyzer/schemas.js';
import { analyzeInWorkspace, painIndexFor } from '../pain-index.js';

const tags = ['messaging'];

export function registerAnalyzeRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  app.post(
    '/messaging/analyze',
    {
      schema: {
        tags,
        summary:
          "Analyse copy against the workspace's pains: the pain score 0–100 with its four parts explained, the band against the workspace's threshold, the matched pains (through their statements, synonyms and evidence quotes, recent evidence weighing more) and the sentences to rewrite with a hint each. Text up to 100 KB.",
        body: AnalyzeInput,
        response: { 200: AnalysisView, 400: ErrorView },
      },
    },
    async (req) => analyzeInWorkspace(k, actorOf(req).workspaceId, req.body.text),
  );

  app.post(
    '/messaging/pains/suggest',
    {
      schema: {
        tags,
        summary: "The workspace's active pains closest to a buyer's words, for the evidence form: each with its similarity, the words it matched on, its evidence count and a sample buyer quote.",
        body: SuggestInput,
        response: { 200: SuggestView, 400: ErrorView },
      },
    },
    async (req) => {
      const index = await painIndexFor(k, actorOf(req).workspaceId);
      const { text, limit } = req.body;
      return {
        matches: index.match(text, limit).map((m) => ({
          ...m,
          statement: index.statementOf(m.painId) ?? '',
          evidenceCount: index.evidence(m.painId).quotes,
          sampleQuote: index.sampleQuote(m.painId, text),
        })),
      };
    },
  );
}
