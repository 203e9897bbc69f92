import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Workspace.tsx is the root README's quick start, copied there by scripts/consumers.mjs.
import { Workspace } from './Workspace';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Workspace />
  </StrictMode>,
);
