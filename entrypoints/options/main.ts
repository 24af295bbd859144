import '../../src/ui/styles.css';
import { startOptions } from '../../src/ui/options';

void startOptions(document.getElementById('root')!);
