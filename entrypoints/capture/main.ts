import '../../src/ui/styles.css';
import { startCapture } from '../../src/ui/capture';

void startCapture(document.getElementById('root')!);
