import '../../src/ui/styles.css';
import { startHowWeKnow } from '../../src/ui/how';

void startHowWeKnow(document.getElementById('root')!);
