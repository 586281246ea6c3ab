/** Landing page text, written for each language rather than translated word for word. */
import type { SiteLocale } from "../lessons/catalog";

export interface LandingCopy {
  title: string;
  description: string;
  tagline: string;
  startLesson: string;
  openSandbox: string;
  whatTitle: string;
  whatBody: string[];
  audiencesTitle: string;
  audiences: { title: string; icon: "open-book" | "approve-check" | "laptop"; body: string }[];
  lessonsTitle: string;
  lessonsEmpty: string;
  minutes: (n: number) => string;
  untranslated: string;
  privacyTitle: string;
  privacyBody: string;
}

export const landingCopy: Record<SiteLocale, LandingCopy> = {
  en: {
    title: "Layerlab",
    description:
      "Learn how Docker really works by doing it: short lessons beside a Docker engine that runs in your browser.",
    tagline:
      "Learn how Docker really works by doing it: short lessons beside a Docker engine that runs entirely in your browser.",
    startLesson: "Start the first lesson",
    openSandbox: "Open the sandbox",
    whatTitle: "What Layerlab is",
    whatBody: [
      "Layerlab teaches container internals hands-on. Each lesson explains one idea — image layers, copy-on-write, whiteouts, the build cache, container lifecycles, volumes, networks — and then lets you try it in a terminal on the same page.",
      "The terminal talks to a simulated Docker host that runs in your browser tab: images made of real layered filesystems, a Dockerfile builder with a cache, containers with a lifecycle, and a docker command that prints what real Docker prints. Nothing to install, nothing that can break your machine.",
      "When you want proof, the same exercises can be checked against the Docker on your own computer.",
    ],
    audiencesTitle: "Made for",
    audiences: [
      {
        title: "Self-study",
        icon: "open-book",
        body: "Work through the lessons at your own pace in any modern browser. No account, no sign-up, no server.",
      },
      {
        title: "Team onboarding",
        icon: "approve-check",
        body: "Give every new colleague the same path from “docker run” to layers, caches and networks, and a way to check their work against real Docker.",
      },
      {
        title: "Workshops",
        icon: "laptop",
        body: "The whole site is static files. Serve it from one laptop to a room with no internet, or hand it out on a USB stick.",
      },
    ],
    lessonsTitle: "Lessons",
    lessonsEmpty: "The first lessons are being written.",
    minutes: (n) => `${n} min`,
    untranslated: "",
    privacyTitle: "Private by design",
    privacyBody:
      "Everything runs in your browser. Layerlab loads nothing from other sites and sends nothing anywhere.",
  },
  ja: {
    title: "Layerlab",
    description:
      "Docker の仕組みを手を動かして学ぶ。ブラウザの中で動く Docker エンジンと短いレッスンで。",
    tagline:
      "Docker の仕組みを、手を動かしながら学びましょう。短いレッスンと、ブラウザの中だけで動く Docker エンジンがそろっています。",
    startLesson: "最初のレッスンを始める",
    openSandbox: "サンドボックスを開く",
    whatTitle: "Layerlab とは",
    whatBody: [
      "Layerlab は、コンテナの内部の仕組みを実際に操作しながら学べる教材です。各レッスンでは、イメージのレイヤー、コピーオンライト、ホワイトアウト、ビルドキャッシュ、コンテナのライフサイクル、ボリューム、ネットワークといったテーマを 1 つずつ取り上げ、同じページのターミナルですぐに試せます。",
      "ターミナルの相手は、ブラウザのタブの中で動く Docker ホストのシミュレーターです。本物と同じように重なり合うファイルシステムでできたイメージ、キャッシュ付きの Dockerfile ビルダー、ライフサイクルを持つコンテナがあり、docker コマンドは本物の Docker と同じ出力を返します。インストールは不要で、手元のマシンを壊す心配もありません。",
      "本物で確かめたくなったら、同じ演習を自分のコンピューターの Docker に対してチェックすることもできます。",
    ],
    audiencesTitle: "こんな場面で",
    audiences: [
      {
        title: "独学",
        icon: "open-book",
        body: "最新のブラウザさえあれば、自分のペースでレッスンを進められます。アカウント登録もサーバーも不要です。",
      },
      {
        title: "チームのオンボーディング",
        icon: "approve-check",
        body: "新しく加わったメンバー全員に、「docker run」からレイヤー、キャッシュ、ネットワークまで同じ道筋を用意できます。本物の Docker で答え合わせもできます。",
      },
      {
        title: "ワークショップ",
        icon: "laptop",
        body: "サイト全体がただの静的ファイルです。インターネットのない会場でも、ノート PC 1 台から配信したり、USB メモリで配ったりできます。",
      },
    ],
    lessonsTitle: "レッスン",
    lessonsEmpty: "最初のレッスンを準備しています。",
    minutes: (n) => `約 ${n} 分`,
    untranslated: "（英語）",
    privacyTitle: "プライバシーへの配慮",
    privacyBody:
      "すべてはブラウザの中で動きます。Layerlab はほかのサイトから何も読み込まず、どこにも何も送信しません。",
  },
};
