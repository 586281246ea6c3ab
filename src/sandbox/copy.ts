import type { SiteLocale } from "../lessons/catalog";

export interface SandboxCopy {
  title: string;
  description: string;
  intro: string;
  tryTitle: string;
  commands: { command: string; what: string }[];
  resetNote: string;
  controls: {
    label: string;
    undo: string;
    reset: string;
    link: string;
    linkLabel: string;
    linkHelp: string;
  };
  messages: SandboxMessages;
}

/** What the sandbox tells the learner (shown in its status line). */
export interface SandboxMessages {
  restored: (when: string) => string;
  undone: (line: string) => string;
  undoneReset: string;
  undoneLink: string;
  nothingToUndo: string;
  reset: string;
  linkLoaded: string;
  linkReplayed: (steps: number, failed: number) => string;
  /** A link that cannot be used: the reason follows in English. */
  badLink: string;
  linkMade: (kind: "state" | "commands") => string;
  linkCopied: string;
  linkTooLarge: string;
  notKept: string;
  saveFailed: string;
  setAside: string;
  failed: string;
}

export const sandboxCopy: Record<SiteLocale, SandboxCopy> = {
  en: {
    title: "Sandbox",
    description: "A free-form terminal with a simulated Docker host, running in your browser.",
    intro:
      "A terminal connected to a Docker host simulated in this browser tab. Try anything: it cannot touch your computer, and nothing you type leaves the page.",
    tryTitle: "Things to try",
    commands: [
      { command: "docker run --rm busybox echo hi", what: "run one command in a new container" },
      { command: "docker images", what: "list the images this host has" },
      { command: "docker ps -a", what: "list containers, including stopped ones" },
    ],
    resetNote:
      "This page keeps the host in your browser: reload and you are where you left off. Undo takes back the last command; Reset starts again with a fresh host (and Undo brings the old one back). A link holds the host itself, or the commands that made it when the host is too large.",
    controls: {
      label: "Sandbox host",
      undo: "Undo last command",
      reset: "Reset host",
      link: "Make a link",
      linkLabel: "Link to this host",
      linkHelp: "Anyone who opens this link gets a copy of this host. It stays in the link: nothing is uploaded.",
    },
    messages: {
      restored: (when) => `Restored the host saved on ${when}.`,
      undone: (line) => `Undid: ${line}`,
      undoneReset: "Undid the reset: the host is back as it was.",
      undoneLink: "Back to the host you had before opening the link.",
      nothingToUndo: "There is nothing to undo.",
      reset: "Reset: this is a fresh host.",
      linkLoaded: "Loaded the host from the link.",
      linkReplayed: (n, failed) => `Replayed ${n} ${n === 1 ? "step" : "steps"} from the link${failed ? ` (${failed} of them failed)` : ""}.`,
      badLink: "This link cannot be used, so the host is left as it was.",
      linkMade: (kind) => (kind === "state" ? "The link below holds this host." : "This host is too large for a link, so the link below holds the commands and edits that made it; they run again when it is opened."),
      linkCopied: "Copied to the clipboard.",
      linkTooLarge: "No link could be made.",
      notKept: "This browser does not let the page keep data, so the host is lost when the page closes.",
      saveFailed: "The host could not be saved in this browser (is its storage full?).",
      setAside: "",
      failed: "Something went wrong:",
    },
  },
  ja: {
    title: "サンドボックス",
    description: "ブラウザの中で動く Docker ホストのシミュレーターに自由にコマンドを打てるターミナルです。",
    intro:
      "このブラウザのタブの中でシミュレートされた Docker ホストにつながったターミナルです。何を試しても大丈夫です。あなたのコンピューターには一切触れず、入力した内容がページの外に送られることもありません。",
    tryTitle: "試してみましょう",
    commands: [
      { command: "docker run --rm busybox echo hi", what: "新しいコンテナでコマンドを 1 つ実行する" },
      { command: "docker images", what: "このホストにあるイメージを一覧表示する" },
      { command: "docker ps -a", what: "停止中のものも含めてコンテナを一覧表示する" },
    ],
    resetNote:
      "このページはホストをブラウザに保存します。再読み込みしても続きから始められます。「元に戻す」は直前のコマンドを取り消し、「リセット」はまっさらなホストからやり直します（リセットも「元に戻す」で取り消せます）。リンクにはホストそのもの、またはホストが大きすぎるときはそれを作ったコマンドが入ります。",
    controls: {
      label: "サンドボックスのホスト",
      undo: "直前のコマンドを元に戻す",
      reset: "ホストをリセット",
      link: "リンクを作る",
      linkLabel: "このホストへのリンク",
      linkHelp: "このリンクを開いた人は、このホストのコピーを受け取ります。内容はリンクの中にあり、どこにもアップロードされません。",
    },
    messages: {
      restored: (when) => `${when} に保存したホストを復元しました。`,
      undone: (line) => `元に戻しました: ${line}`,
      undoneReset: "リセットを取り消しました。ホストは元どおりです。",
      undoneLink: "リンクを開く前のホストに戻りました。",
      nothingToUndo: "元に戻せるものはありません。",
      reset: "リセットしました。まっさらなホストです。",
      linkLoaded: "リンクからホストを読み込みました。",
      linkReplayed: (n, failed) => `リンクから ${n} 個の手順を再実行しました${failed ? `（${failed} 個は失敗しました）` : ""}。`,
      badLink: "このリンクは使えないため、ホストはそのままです。",
      linkMade: (kind) => (kind === "state" ? "下のリンクにこのホストが入っています。" : "このホストはリンクに入れるには大きすぎるため、下のリンクにはホストを作ったコマンドと編集が入っています。開くとそれらが再実行されます。"),
      linkCopied: "クリップボードにコピーしました。",
      linkTooLarge: "リンクを作れませんでした。",
      notKept: "このブラウザではページがデータを保存できないため、ページを閉じるとホストは失われます。",
      saveFailed: "このブラウザにホストを保存できませんでした（ストレージがいっぱいかもしれません）。",
      setAside: "保存されていたサンドボックスの一部を使えなかったため、別に保管しました。詳細:",
      failed: "問題が発生しました:",
    },
  },
};
