// Popup time to interactive: navigation start to its first render with stored data (the
// 'untrain:interactive' mark), opened as a tab at popup.html. browserMs: the part before any of
// the popup's own code runs (domInteractive: module scripts are deferred), the browser's floor.
export async function popupTimes(browser) {
  const page = await browser.openPopup();
  const times = await page
    .waitForFunction(
      () => {
        const mark = performance.getEntriesByName('untrain:interactive')[0];
        const navigation = performance.getEntriesByType('navigation')[0];
        return mark && navigation && { interactiveMs: mark.startTime, browserMs: navigation.domInteractive };
      },
      null,
      { timeout: 10_000 },
    )
    .then((handle) => handle.jsonValue());
  await page.close();
  return times;
}
