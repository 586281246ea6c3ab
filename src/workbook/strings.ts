/** Texts of the exercise controls, the lesson terminal panel and click-to-run blocks. */
export type WorkbookLocale = "en" | "ja";

export interface WorkbookStrings {
  exercise: string;
  start: string;
  /** Start, when the exercise was started before and another one has the terminal now. */
  resume: string;
  /** Start, when this exercise has the terminal: moves focus there. */
  toTerminal: string;
  check: string;
  undo: string;
  reset: string;
  hint: (next: number, total: number) => string;
  hintsTitle: string;
  showSolution: string;
  hideSolution: string;
  solutionTitle: string;
  run: string;
  /** Accessible name of a click-to-run button. Starts with the visible `run` text. */
  runLabel: (command: string) => string;
  copy: string;
  copyLabel: (command: string) => string;
  copied: string;
  copyFailed: string;
  realTitle: string;
  realIntro: string;
  realSteps: { setup: string; check: string; clean: string };
  preparing: string;
  loadFailed: string;
  started: (checks: number) => string;
  failedToStart: (error: string) => string;
  checking: string;
  passed: string;
  notYet: (passing: number, total: number) => string;
  checkPassed: string;
  checkFailed: string;
  resetDone: string;
  undoDone: string;
  nothingToUndo: string;
  panelTitle: string;
  panelContext: (exerciseTitle: string | null) => string;
  hidePanel: string;
  showPanel: string;
  backToExercise: string;
  /** One line shown in the terminal when it moves to another host. */
  notice: { exercise: (title: string) => string; reset: string; undo: string };
}

export const workbookStrings: Record<WorkbookLocale, WorkbookStrings> = {
  en: {
    exercise: "Exercise",
    start: "Start",
    resume: "Continue",
    toTerminal: "Go to the terminal",
    check: "Check",
    undo: "Undo",
    reset: "Reset",
    hint: (next, total) => (next === 1 ? `Show a hint (1 of ${total})` : `Show the next hint (${next} of ${total})`),
    hintsTitle: "Hints",
    showSolution: "Show solution",
    hideSolution: "Hide solution",
    solutionTitle: "Solution",
    run: "Run",
    runLabel: (command) => `Run in the terminal: ${command}`,
    copy: "Copy",
    copyLabel: (command) => `Copy: ${command}`,
    copied: "Copied to the clipboard.",
    copyFailed: "The text is selected: press Ctrl+C (or ⌘C) to copy it.",
    realTitle: "On real Docker",
    realIntro: "This exercise also runs on a real Docker engine. In a clone of Layerlab, run:",
    realSteps: { setup: "prepare the start state", check: "check your work", clean: "remove what the exercise created" },
    preparing: "Preparing the exercise…",
    loadFailed: "The terminal could not be loaded. Reload the page to try again.",
    started: (checks) => `Ready. The terminal is on this exercise's host; ${checks === 1 ? "one check" : `${checks} checks`} must pass.`,
    failedToStart: (error) => `The exercise could not be started: ${error}`,
    checking: "Checking…",
    passed: "Passed: every check passes. Well done!",
    notYet: (passing, total) => `Not yet: ${passing} of ${total} checks pass.`,
    checkPassed: "passes",
    checkFailed: "not yet",
    resetDone: "Back at the start state. Undo brings back what you had.",
    undoDone: "The last command was undone.",
    nothingToUndo: "There is no command to undo.",
    panelTitle: "Terminal",
    panelContext: (title) => (title ? `exercise “${title}”` : "this lesson"),
    hidePanel: "Hide terminal",
    showPanel: "Show terminal",
    backToExercise: "Back to the exercise",
    notice: {
      exercise: (title) => `— exercise: ${title} —`,
      reset: "— back at the start state —",
      undo: "— last command undone —",
    },
  },
  ja: {
    exercise: "演習",
    start: "開始",
    resume: "続ける",
    toTerminal: "ターミナルへ移動",
    check: "チェック",
    undo: "元に戻す",
    reset: "リセット",
    hint: (next, total) => `ヒントを表示（${next}/${total}）`,
    hintsTitle: "ヒント",
    showSolution: "解答を表示",
    hideSolution: "解答を隠す",
    solutionTitle: "解答",
    run: "実行",
    runLabel: (command) => `実行: ${command}`,
    copy: "コピー",
    copyLabel: (command) => `コピー: ${command}`,
    copied: "クリップボードにコピーしました。",
    copyFailed: "テキストを選択しました。Ctrl+C（または ⌘C）でコピーしてください。",
    realTitle: "本物の Docker で",
    realIntro: "この演習は本物の Docker エンジンでも実行できます。Layerlab のクローンで次を実行してください:",
    realSteps: { setup: "開始状態を用意する", check: "結果をチェックする", clean: "演習で作ったものを削除する" },
    preparing: "演習を準備しています…",
    loadFailed: "ターミナルを読み込めませんでした。ページを再読み込みしてください。",
    started: (checks) => `準備ができました。ターミナルはこの演習のホストにつながっています。${checks} 個のチェックに合格すればクリアです。`,
    failedToStart: (error) => `演習を開始できませんでした: ${error}`,
    checking: "チェックしています…",
    passed: "合格: すべてのチェックに合格しました。お見事！",
    notYet: (passing, total) => `まだです: ${total} 個中 ${passing} 個のチェックに合格しています。`,
    checkPassed: "合格",
    checkFailed: "まだ",
    resetDone: "開始状態に戻しました。「元に戻す」でリセット前の状態に戻せます。",
    undoDone: "最後のコマンドを取り消しました。",
    nothingToUndo: "取り消せるコマンドはありません。",
    panelTitle: "ターミナル",
    panelContext: (title) => (title ? `演習「${title}」` : "このレッスン"),
    hidePanel: "ターミナルを隠す",
    showPanel: "ターミナルを表示",
    backToExercise: "演習に戻る",
    notice: {
      exercise: (title) => `— 演習: ${title} —`,
      reset: "— 開始状態に戻しました —",
      undo: "— 最後のコマンドを取り消しました —",
    },
  },
};

/** The page's language as the workbook speaks it. */
export function workbookLocale(lang: string | null | undefined): WorkbookLocale {
  return lang?.toLowerCase().startsWith("ja") ? "ja" : "en";
}
