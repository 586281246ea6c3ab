/**
 * Words of the progress pages (progress, report, paths, class roll-up), the lesson badge and
 * presenter mode, per language. The browser scripts use the same table, chosen by <html lang>.
 */
import type { SiteLocale } from "../lessons/catalog";
import type { DecodeError } from "./code";
import type { LoadIssue } from "./store";

export interface ProgressCopy {
  dateLocale: string;
  progress: {
    title: string;
    description: string;
    intro: string;
    lessonsTitle: string;
    noLessons: string;
    summary: (done: number, total: number) => string;
    lessonStatus: (done: number, total: number) => string;
    noExercises: string;
    passedOn: (date: string) => string;
    notYet: string;
    outside: (n: number) => string;
    saveTitle: string;
    saveIntro: string;
    codeLabel: string;
    copy: string;
    copied: string;
    download: string;
    importTitle: string;
    importIntro: string;
    importCodeLabel: string;
    importCodeButton: string;
    importFileLabel: string;
    imported: (n: number, unknown: number) => string;
    newer: string;
    setAsideTitle: string;
    setAsideBody: (n: number) => string;
    setAsideDownload: string;
    setAsideDiscard: string;
    setAsideDiscarded: string;
    resetTitle: string;
    resetButton: string;
    resetConfirm: (n: number) => string;
    resetYes: string;
    resetCancel: string;
    resetDone: string;
    more: string;
    reportLink: string;
    pathsLink: string;
    classLink: string;
  };
  report: {
    title: string;
    description: string;
    intro: string;
    nameLabel: string;
    nameHelp: string;
    print: string;
    heading: string;
    learner: string;
    noName: string;
    issued: string;
    summary: (lessons: number, lessonTotal: number, done: number, total: number) => string;
    lesson: string;
    exercise: string;
    passed: string;
    lessonComplete: string;
    notPassed: string;
    code: string;
    codeHelp: string;
  };
  paths: {
    title: string;
    description: string;
    intro: string;
    complete: (done: number, total: number) => string;
    coming: string;
    lessonComplete: string;
  };
  class: {
    title: string;
    description: string;
    intro: string;
    codesLabel: string;
    codesHelp: string;
    show: string;
    caption: (n: number) => string;
    learner: string;
    total: string;
    unnamed: (n: number) => string;
    problems: string;
    lineProblem: (line: number, text: string) => string;
    unknownNote: (n: number) => string;
    cellTitle: (done: number, total: number) => string;
    empty: string;
  };
  badge: (done: number, total: number) => string;
  badgeComplete: string;
  presenter: { label: string };
  decodeErrors: Record<DecodeError, string>;
  issue: (issue: LoadIssue) => string;
}

export const progressCopy: Record<SiteLocale, ProgressCopy> = {
  en: {
    dateLocale: "en-GB",
    progress: {
      title: "Your progress",
      description: "Which exercises you have passed, lesson by lesson; save or move your progress.",
      intro:
        "Your progress is kept in this browser only: nothing is sent anywhere. To continue on another device, or to show an instructor, save it as a progress code or a file.",
      lessonsTitle: "Lessons",
      noLessons: "The first lessons are being written.",
      summary: (done, total) => `You have passed ${done} of ${total} exercises.`,
      lessonStatus: (done, total) => `${done} of ${total} exercises passed`,
      noExercises: "No exercises yet",
      passedOn: (date) => `passed ${date}`,
      notYet: "not yet",
      outside: (n) =>
        n === 1
          ? "1 more passed exercise belongs to a lesson this version of the course does not show. It is kept."
          : `${n} more passed exercises belong to lessons this version of the course does not show. They are kept.`,
      saveTitle: "Save or move your progress",
      saveIntro:
        "The progress code holds which exercises you passed and on which day. Type it on another device, or give it to your instructor.",
      codeLabel: "Your progress code",
      copy: "Copy code",
      copied: "Copied.",
      download: "Download progress file",
      importTitle: "Bring in progress",
      importIntro: "Adds the passes from a code or file to the ones in this browser; nothing here is lost.",
      importCodeLabel: "Progress code to add",
      importCodeButton: "Add code",
      importFileLabel: "Progress file to add",
      imported: (n, unknown) =>
        `Added: the code or file had ${n} passed exercise${n === 1 ? "" : "s"}.` +
        (unknown ? ` ${unknown} of them belong to exercises this version of the course does not know.` : ""),
      newer: "It was made with a newer version of the course; reload this page to get it.",
      setAsideTitle: "Set-aside progress",
      setAsideBody: (n) =>
        `${n === 1 ? "1 saved entry" : `${n} saved entries`} could not be read as they were and ${n === 1 ? "was" : "were"} set aside. Everything readable in ${n === 1 ? "it" : "them"} is in your progress above.`,
      setAsideDownload: "Download set-aside data",
      setAsideDiscard: "Discard set-aside data",
      setAsideDiscarded: "The set-aside data was discarded.",
      resetTitle: "Start over",
      resetButton: "Reset progress…",
      resetConfirm: (n) =>
        `Forget all ${n} passed exercise${n === 1 ? "" : "s"} in this browser? Save your progress code first if you may want ${n === 1 ? "it" : "them"} back.`,
      resetYes: "Forget my progress",
      resetCancel: "Cancel",
      resetDone: "Your progress was reset.",
      more: "More",
      reportLink: "Printable completion report",
      pathsLink: "Course paths",
      classLink: "Class roll-up for instructors",
    },
    report: {
      title: "Completion report",
      description: "A printable record of the Layerlab lessons and exercises you completed.",
      intro:
        "Print this page or save it as PDF for your records or your onboarding manager. Your name stays in this browser.",
      nameLabel: "Your name on the report",
      nameHelp: "Kept only in this browser.",
      print: "Print report",
      heading: "Layerlab completion report",
      learner: "Learner",
      noName: "(no name given)",
      issued: "Date",
      summary: (lessons, lessonTotal, done, total) =>
        `${lessons} of ${lessonTotal} lessons completed; ${done} of ${total} exercises passed.`,
      lesson: "Lesson",
      exercise: "Exercise",
      passed: "Passed on",
      lessonComplete: "lesson completed",
      notPassed: "—",
      code: "Progress code",
      codeHelp: "The same record as a code, for an instructor's class roll-up.",
    },
    paths: {
      title: "Course paths",
      description: "The whole course for onboarding, or a workshop's selection of lessons, with your progress.",
      intro:
        "Follow the whole course, or one of the workshop selections. A lesson counts as done when all its exercises are passed.",
      complete: (done, total) => `${done} of ${total} lessons done`,
      coming: "coming",
      lessonComplete: "done",
    },
    class: {
      title: "Class roll-up",
      description: "Paste your learners' progress codes and see who has done what, lesson by lesson.",
      intro:
        "Ask each learner for the progress code from their progress page and paste the codes here, one per line. Everything happens in this browser: no code is sent anywhere or saved.",
      codesLabel: "Progress codes",
      codesHelp: "One per line. Put a name before a colon if you like: “Aiko: 1C2F-…”.",
      show: "Show the class",
      caption: (n) => `Exercises passed per lesson, ${n} learner${n === 1 ? "" : "s"}`,
      learner: "Learner",
      total: "All",
      unnamed: (n) => `Learner ${n}`,
      problems: "Lines that could not be read",
      lineProblem: (line, text) => `Line ${line}: ${text}`,
      unknownNote: (n) =>
        `${n} passed exercise${n === 1 ? " is" : "s are"} from a newer version of the course and not shown.`,
      cellTitle: (done, total) => `${done} of ${total} exercises`,
      empty: "Paste at least one progress code.",
    },
    badge: (done, total) => `${done} of ${total} exercises passed`,
    badgeComplete: "Lesson complete",
    presenter: { label: "Presenter mode" },
    decodeErrors: {
      empty: "there is no code on this line.",
      characters: "this is not a progress code (it has characters codes never use).",
      checksum: "the code has a typo: check it against the original.",
      format: "this code is not one this version of Layerlab can read.",
      "not-json": "this file is not a progress file.",
      "not-progress": "this file is not a Layerlab progress file.",
    },
    issue: (issue) => {
      if (issue.kind === "memory-only") {
        return "This browser does not let Layerlab store data, so your progress lasts only while this page is open. Save your progress code to keep it.";
      }
      const what =
        issue.reason === "newer-version"
          ? "Your saved progress was written by a newer version of Layerlab."
          : "Part of your saved progress could not be read.";
      const kept = issue.kept === 1 ? "1 passed exercise was kept" : `${issue.kept} passed exercises were kept`;
      return `${what} ${kept}; the original was set aside (see below).`;
    },
  },
  ja: {
    dateLocale: "ja-JP",
    progress: {
      title: "学習の進み具合",
      description: "レッスンごとに合格した演習と、進み具合の保存・移行。",
      intro:
        "進み具合はこのブラウザの中だけに保存され、どこにも送信されません。別の端末で続けたり講師に見せたりするには、進み具合コードかファイルとして保存してください。",
      lessonsTitle: "レッスン",
      noLessons: "最初のレッスンを準備中です。",
      summary: (done, total) => `${total} 問中 ${done} 問の演習に合格しています。`,
      lessonStatus: (done, total) => `演習 ${total} 問中 ${done} 問合格`,
      noExercises: "演習はまだありません",
      passedOn: (date) => `${date} 合格`,
      notYet: "未合格",
      outside: (n) => `このほかに、このバージョンのコースにないレッスンの演習 ${n} 問の合格記録があります。記録は残してあります。`,
      saveTitle: "進み具合の保存と移行",
      saveIntro: "進み具合コードには、どの演習にいつ合格したかが入っています。別の端末で入力したり、講師に渡したりできます。",
      codeLabel: "あなたの進み具合コード",
      copy: "コードをコピー",
      copied: "コピーしました。",
      download: "進み具合ファイルをダウンロード",
      importTitle: "進み具合を取り込む",
      importIntro: "コードやファイルの合格記録を、このブラウザの記録に追加します。今の記録は消えません。",
      importCodeLabel: "追加する進み具合コード",
      importCodeButton: "コードを追加",
      importFileLabel: "追加する進み具合ファイル",
      imported: (n, unknown) =>
        `追加しました。合格記録は ${n} 問分でした。` +
        (unknown ? `そのうち ${unknown} 問は、このバージョンのコースにない演習です。` : ""),
      newer: "より新しいバージョンのコースで作られています。このページを再読み込みしてください。",
      setAsideTitle: "別に保管した記録",
      setAsideBody: (n) =>
        `保存されていた記録のうち ${n} 件はそのままでは読めなかったため、別に保管しました。読めた部分はすべて上の進み具合に入っています。`,
      setAsideDownload: "別に保管した記録をダウンロード",
      setAsideDiscard: "別に保管した記録を削除",
      setAsideDiscarded: "別に保管した記録を削除しました。",
      resetTitle: "最初からやり直す",
      resetButton: "進み具合をリセット…",
      resetConfirm: (n) =>
        `このブラウザにある ${n} 問分の合格記録をすべて消しますか？あとで戻したくなるかもしれないなら、先に進み具合コードを保存してください。`,
      resetYes: "記録を消す",
      resetCancel: "キャンセル",
      resetDone: "進み具合をリセットしました。",
      more: "関連ページ",
      reportLink: "印刷用の修了レポート",
      pathsLink: "学習コース",
      classLink: "講師向けのクラス一覧",
    },
    report: {
      title: "修了レポート",
      description: "修了した Layerlab のレッスンと演習を印刷できる形でまとめます。",
      intro: "このページを印刷するか PDF として保存し、記録やオンボーディング担当者への報告に使ってください。名前はこのブラウザの中だけに保存されます。",
      nameLabel: "レポートに載せる名前",
      nameHelp: "このブラウザの中だけに保存されます。",
      print: "レポートを印刷",
      heading: "Layerlab 修了レポート",
      learner: "受講者",
      noName: "（名前なし）",
      issued: "日付",
      summary: (lessons, lessonTotal, done, total) =>
        `レッスン ${lessonTotal} 件中 ${lessons} 件を修了、演習 ${total} 問中 ${done} 問に合格。`,
      lesson: "レッスン",
      exercise: "演習",
      passed: "合格日",
      lessonComplete: "レッスン修了",
      notPassed: "—",
      code: "進み具合コード",
      codeHelp: "同じ記録をコードにしたものです。講師のクラス一覧に貼り付けられます。",
    },
    paths: {
      title: "学習コース",
      description: "オンボーディング用のコース全体や、ワークショップ向けのレッスンの組み合わせと、その進み具合。",
      intro: "コース全体を進めるか、ワークショップ向けの組み合わせを選んでください。演習にすべて合格したレッスンが修了になります。",
      complete: (done, total) => `レッスン ${total} 件中 ${done} 件修了`,
      coming: "準備中",
      lessonComplete: "修了",
    },
    class: {
      title: "クラス一覧",
      description: "受講者の進み具合コードを貼り付けると、だれがどのレッスンまで進んだかが一覧できます。",
      intro:
        "受講者それぞれに進み具合ページのコードを教えてもらい、1 行に 1 つずつ貼り付けてください。処理はすべてこのブラウザの中で行われ、コードはどこにも送信も保存もされません。",
      codesLabel: "進み具合コード",
      codesHelp: "1 行に 1 つ。名前を付けるときは「Aiko: 1C2F-…」のようにコロンの前に書きます。",
      show: "一覧を表示",
      caption: (n) => `レッスンごとの合格した演習数（受講者 ${n} 人）`,
      learner: "受講者",
      total: "合計",
      unnamed: (n) => `受講者 ${n}`,
      problems: "読み取れなかった行",
      lineProblem: (line, text) => `${line} 行目: ${text}`,
      unknownNote: (n) => `新しいバージョンのコースの演習 ${n} 問分の合格記録は表示していません。`,
      cellTitle: (done, total) => `演習 ${total} 問中 ${done} 問`,
      empty: "進み具合コードを 1 つ以上貼り付けてください。",
    },
    badge: (done, total) => `演習 ${total} 問中 ${done} 問合格`,
    badgeComplete: "レッスン修了",
    presenter: { label: "プレゼンターモード" },
    decodeErrors: {
      empty: "コードがありません。",
      characters: "進み具合コードではありません（コードに使われない文字があります）。",
      checksum: "コードに打ち間違いがあります。元のコードと見比べてください。",
      format: "このバージョンの Layerlab では読めないコードです。",
      "not-json": "進み具合ファイルではありません。",
      "not-progress": "Layerlab の進み具合ファイルではありません。",
    },
    issue: (issue) => {
      if (issue.kind === "memory-only") {
        return "このブラウザではデータを保存できないため、進み具合はこのページを開いている間しか残りません。残すには進み具合コードを保存してください。";
      }
      const what =
        issue.reason === "newer-version"
          ? "保存されている進み具合は、より新しいバージョンの Layerlab で書かれたものです。"
          : "保存されている進み具合の一部が読めませんでした。";
      return `${what}演習 ${issue.kept} 問分の合格記録は残し、元のデータは別に保管しました（下記参照）。`;
    },
  },
};

/** The copy for the page the script runs on. */
export function pageCopy(): ProgressCopy {
  return document.documentElement.lang.startsWith("ja") ? progressCopy.ja : progressCopy.en;
}

/** "2025-03-01" as the reader's language writes a date. */
export function formatDay(day: string, copy: ProgressCopy): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(copy.dateLocale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
