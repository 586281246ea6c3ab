import type { SiteLocale } from "../lessons/catalog";

export interface SandboxCopy {
  title: string;
  description: string;
  intro: string;
  tryTitle: string;
  commands: { command: string; what: string }[];
  resetNote: string;
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
    resetNote: "Reload the page to start again with a fresh host.",
  },
  ja: {
    title: "サンドボックス",
    description: "ブラウザの中で動く Docker ホストのシミュレーターに自由にコマンドを打てるターミナルです。",
    intro:
      "このブラウザのタブの中でシミュレートされた Docker ホストにつながったターミナルです。何を試しても大丈夫です。あなたのコンピューターには一切触れず、入力した内容がページの外に送られることもありません。",
    tryTitle: "試してみよう",
    commands: [
      { command: "docker run --rm busybox echo hi", what: "新しいコンテナでコマンドを一つ実行する" },
      { command: "docker images", what: "このホストにあるイメージを一覧表示する" },
      { command: "docker ps -a", what: "停止中のものも含めてコンテナを一覧表示する" },
    ],
    resetNote: "ページを再読み込みすると、まっさらなホストでやり直せます。",
  },
};
