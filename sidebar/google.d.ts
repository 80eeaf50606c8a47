// The part of google.script.run the sidebar uses (HtmlService's client API in the browser).
declare namespace google.script {
  interface Runner {
    withSuccessHandler(handler: (value: unknown) => void): Runner;
    withFailureHandler(handler: (error: Error) => void): Runner;
    [serverFunction: string]: (...args: unknown[]) => void;
  }
  const run: Runner;
}
