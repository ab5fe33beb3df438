import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseClient } from './api/choose-client.js';
import { App } from './app/App.js';
import { BackendContext } from './app/backend-context.js';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html lacks #root');
const client = chooseClient();
createRoot(root).render(
  <StrictMode>
    {typeof client === 'string' ? (
      <div className="screen">
        <h1>Headroom</h1>
        <p className="error-text">{client}</p>
      </div>
    ) : (
      <BackendContext.Provider value={client}>
        <App />
      </BackendContext.Provider>
    )}
  </StrictMode>,
);
