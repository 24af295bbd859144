import '../../src/ui/styles.css';
import { startChecklist } from '../../src/ui/checklist';

void startChecklist(document.getElementById('root')!);
