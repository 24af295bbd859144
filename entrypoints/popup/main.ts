import '../../src/ui/styles.css';
import { startPopup } from '../../src/ui/popup';

void startPopup(document.getElementById('root')!);
