import { browser } from 'wxt/browser';

document.querySelector('#app')!.textContent = browser.i18n.getMessage('extName');
