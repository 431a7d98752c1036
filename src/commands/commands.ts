// The add-in's FunctionFile: the ribbon button opens the task pane (ShowTaskpane), so no
// command functions are registered; the page only has to initialise Office.js.

Office.onReady(() => {
  // Nothing to set up.
});
