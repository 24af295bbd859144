// Popup time to interactive: navigation start to its first render with stored data (the
// 'untrain:interactive' mark), opened as a tab at popup.html.
export async function popupInteractiveMs(browser) {
  const page = await browser.openPopup();
  const ms = await page
    .waitForFunction(() => performance.getEntriesByName('untrain:interactive')[0]?.startTime, null, { timeout: 10_000 })
    .then((handle) => handle.jsonValue());
  await page.close();
  return ms;
}
