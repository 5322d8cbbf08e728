// The web app: providers, then the routes — signed-out pages, and the signed-in app inside the shell.
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { shellKeys } from './shell/queries.js';
import { alignmentKeys } from './alignment/queries.js';
import { lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError, isUnauthenticated } from './api/client.js';
import { AppLayout } from './shell/app-layout.js';
import { NotFoundPage } from './shell/not-found-page.js';
import { RequireSession } from './shell/require-session.js';
import { cssVariablesResolver, theme } from './theme.js';
import { InvitePage } from './workspaces/invite-page.js';
import { keys } from './workspaces/queries.js';
import { SignInPage } from './workspaces/sign-in-page.js';
import { SignUpPage } from './workspaces/sign-up-page.js';

// The rooms load when first opened, so the first page paints sooner (AppLayout shows a loader meanwhile). The
// dashboard too: it holds every room's panel, and in the entry bundle it weighed on every other page's first load.
const DashboardPage = lazy(() => import('./shell/dashboard-page.js').then((m) => ({ default: m.DashboardPage })));
const CheckinsPage = lazy(() => import('./checkins/checkins-page.js').then((m) => ({ default: m.CheckinsPage })));
const MeetingPage = lazy(() => import('./checkins/meeting-page.js').then((m) => ({ default: m.MeetingPage })));
const MessagingPage = lazy(() => import('./messaging/messaging-page.js').then((m) => ({ default: m.MessagingPage })));
const PainsPage = lazy(() => import('./messaging/pains-page.js').then((m) => ({ default: m.PainsPage })));
const PainPage = lazy(() => import('./messaging/pain-page.js').then((m) => ({ default: m.PainPage })));
const EvidencePage = lazy(() => import('./messaging/evidence-page.js').then((m) => ({ default: m.EvidencePage })));
const WhyPage = lazy(() => import('./messaging/why-page.js').then((m) => ({ default: m.WhyPage })));
const PiecesPage = lazy(() => import('./messaging/pieces-page.js').then((m) => ({ default: m.PiecesPage })));
const PiecePage = lazy(() => import('./messaging/piece-page.js').then((m) => ({ default: m.PiecePage })));
const DealsPage = lazy(() => import('./deals/deals-page.js').then((m) => ({ default: m.DealsPage })));
const DealImportPage = lazy(() => import('./deals/import-page.js').then((m) => ({ default: m.DealImportPage })));
const ExpectationsPage = lazy(() => import('./goals/expectations-page.js').then((m) => ({ default: m.ExpectationsPage })));
const GoalsPage = lazy(() => import('./goals/goals-page.js').then((m) => ({ default: m.GoalsPage })));
const KpiDetailPage = lazy(() => import('./goals/kpi-detail-page.js').then((m) => ({ default: m.KpiDetailPage })));
const KpisPage = lazy(() => import('./goals/kpis-page.js').then((m) => ({ default: m.KpisPage })));
const QuizPage = lazy(() => import('./goals/quiz-page.js').then((m) => ({ default: m.QuizPage })));
const ShadowingPage = lazy(() => import('./shadowing/shadowing-page.js').then((m) => ({ default: m.ShadowingPage })));
const WinsPage = lazy(() => import('./wins/wins-page.js').then((m) => ({ default: m.WinsPage })));
const WinPage = lazy(() => import('./wins/win-page.js').then((m) => ({ default: m.WinPage })));
const SettingsPage = lazy(() => import('./workspaces/settings/settings-page.js').then((m) => ({ default: m.SettingsPage })));

// No <ColorSchemeScript/>: it is an inline script, which the server's CSP (script-src 'self') refuses.
const colorSchemeManager = localStorageColorSchemeManager({ key: 'lockstep-color-scheme' });

// A 401 from any call means the session ended (expired, or signed out elsewhere): forget who we were, and
// RequireSession sends the person to /signin.
const onError = (err: unknown) => {
  if (isUnauthenticated(err)) queryClient.setQueryData(keys.me, null);
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  // Any change may settle or create a to-do in some room: the dashboard's "What you owe" is read again.
  // (Not after signing out: there is nobody to read them for.)
  mutationCache: new MutationCache({
    onError,
    onSuccess: (_data, _variables, _context, mutation) => {
      if (mutation.meta?.endsSession) return;
      void queryClient.invalidateQueries({ queryKey: shellKeys.myTodos });
      // …and so may any step of Getting started (it is read from real state, never ticked).
      void queryClient.invalidateQueries({ queryKey: shellKeys.gettingStarted });
      // …and the alignment score, which every room's data feeds (issue 14).
      void queryClient.invalidateQueries({ queryKey: alignmentKeys.all });
    },
  }),
  defaultOptions: {
    queries: {
      // 4xx answers are final; only retry what might be a blip.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
      // Pages show what is true now: opening a page refetches what it shows (cached data shows meanwhile).
      refetchOnMount: 'always',
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      {/* Bottom right: toasts never cover the page header's actions (Mark held, Previous, Next). */}
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route path="/signin" element={<SignInPage />} />
            <Route path="/signup" element={<SignUpPage />} />
            <Route path="/invite/:token" element={<InvitePage />} />
            <Route
              element={
                <RequireSession>
                  <AppLayout />
                </RequireSession>
              }
            >
              <Route index element={<DashboardPage />} />
              <Route path="goals" element={<GoalsPage />} />
              <Route path="goals/kpis" element={<KpisPage />} />
              <Route path="goals/kpis/:id" element={<KpiDetailPage />} />
              <Route path="goals/expectations" element={<ExpectationsPage />} />
              <Route path="goals/quiz" element={<QuizPage />} />
              <Route path="checkins" element={<CheckinsPage />} />
              <Route path="checkins/meetings/:id" element={<MeetingPage />} />
              <Route path="deals" element={<DealsPage />} />
              <Route path="deals/import" element={<DealImportPage />} />
              <Route path="messaging" element={<MessagingPage />} />
              <Route path="messaging/pains" element={<PainsPage />} />
              <Route path="messaging/pains/:id" element={<PainPage />} />
              <Route path="messaging/evidence" element={<EvidencePage />} />
              <Route path="messaging/why" element={<WhyPage />} />
              <Route path="messaging/pieces" element={<PiecesPage />} />
              <Route path="messaging/pieces/:id" element={<PiecePage />} />
              <Route path="shadowing" element={<ShadowingPage />} />
              <Route path="shadowing/programs/:id" element={<ShadowingPage />} />
              <Route path="wins" element={<WinsPage />} />
              <Route path="wins/:id" element={<WinPage />} />
              <Route path="settings" element={<Navigate to="/settings/workspace" replace />} />
              <Route path="settings/:tab" element={<SettingsPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
