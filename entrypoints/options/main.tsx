import { createRoot } from 'react-dom/client';
import { Options } from '../../components/Options';
import '../popup/popup.css';
import './options.css';

createRoot(document.getElementById('root')!).render(<Options />);
