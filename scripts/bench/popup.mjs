// Page time to interactive: navigation start to the 'untrain:interactive' mark (the popup's first
// render with stored data; the floor pages set the same mark), opened as a tab at the page's
// address. browserMs: the part before any of the page's own code runs (domInteractive: module
// scripts are deferred).
export async function pageTimes(browser, file = 'popup.html') {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
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
