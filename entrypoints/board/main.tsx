import { createRoot } from 'react-dom/client';
import { Board } from '../../components/Board';
import { TOOLTIP_CSS } from '../../components/tooltip.css';
import './board.css';

// User-timing marks (npm run bench reads them): the scripts are in, then the cache's answer.
performance.mark('stakelens:board-scripts');
// The detail panel is the tooltip itself: its styles, here in the page (no shadow root needed).
document.head.append(Object.assign(document.createElement('style'), { textContent: TOOLTIP_CSS }));
createRoot(document.getElementById('root')!).render(<Board />);
