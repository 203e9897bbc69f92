import '../../../packages/composer/src/styles.css';
import '../../../packages/followers/src/styles.css';
import '../../../packages/notifications/src/styles.css';
import './styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './app';

createRoot(document.getElementById('root')!).render(<App />);
