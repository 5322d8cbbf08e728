// Every tab says which page it is (issue 10): "Goals · Northwind Analytics · Lockstep". The page header, the sign-in
// layout and the not-found page call this, so a page sets its title by having a heading.
import { useContext, useEffect } from 'react';
import { SessionContext } from './session.js';

export function pageTitle(title: string | null, workspaceName: string | null): string {
  const parts = [title, workspaceName].filter((p): p is string => Boolean(p?.trim()));
  return [...new Set(parts), 'Lockstep'].join(' · ');
}

export function usePageTitle(title: string | null): void {
  const workspaceName = useContext(SessionContext)?.workspace.name ?? null;
  useEffect(() => {
    document.title = pageTitle(title, workspaceName);
  }, [title, workspaceName]);
}
