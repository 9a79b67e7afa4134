import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { boot } from './auth/store';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

void boot();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
