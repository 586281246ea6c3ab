/** Terminal texts in each site language. */
export type TerminalLocale = "en" | "ja";

export interface TerminalStrings {
  label: string;
  loading: string;
  failed: string;
  keyboardHelp: string;
}

export const terminalStrings: Record<TerminalLocale, TerminalStrings> = {
  en: {
    label: "Terminal",
    loading: "Loading the terminal…",
    failed: "The terminal could not be loaded. Reload the page to try again.",
    keyboardHelp:
      "Type commands and press Enter. Tab completes inside the terminal; press Esc and then Tab to move on.",
  },
  ja: {
    label: "ターミナル",
    loading: "ターミナルを読み込んでいます…",
    failed: "ターミナルを読み込めませんでした。ページを再読み込みしてください。",
    keyboardHelp:
      "コマンドを入力して Enter キーを押してください。ターミナル内では Tab キーは補完に使われます。ターミナルから移動するには Esc キーを押してから Tab キーを押してください。",
  },
};
