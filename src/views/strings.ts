/**
 * The engine views' texts in each site language. Docker's own words (state names, HIT/MISS,
 * instructions, paths) stay as Docker prints them; the sentences around them are translated.
 */
import type { MissReason } from "../../simulator/builder/why";

export type ViewsLocale = "en" | "ja";

export type ViewTab = "layers" | "cache" | "containers" | "networks" | "volumes";

export const VIEW_TABS: readonly ViewTab[] = ["layers", "cache", "containers", "networks", "volumes"];

export interface ViewsStrings {
  heading: string;
  intro: string;
  tabs: Record<ViewTab, string>;
  waiting: string;
  failed: string;
  // layers
  subject: string;
  subjectAuto: string;
  images: string;
  containers: string;
  noImages: string;
  stackTitle: (name: string) => string;
  stackSummary: (layers: number, entries: number, size: string) => string;
  wastedSummary: (wasted: string, efficiency: string) => string;
  nothingWasted: string;
  layersListLabel: string;
  layerLabel: (n: number) => string;
  emptyLayer: string;
  initLayer: string;
  initLayerNote: string;
  upperLayer: string;
  upperLayerNote: string;
  changes: (added: number, modified: number, removed: number) => string;
  largest: string;
  hardLinks: (n: number) => string;
  whiteout: (entry: string, path: string, bytes: string, files: number) => string;
  opaque: (entry: string, path: string, bytes: string, files: number) => string;
  wasted: (path: string, bytes: string, fate: "deleted" | "overwritten", by: string) => string;
  mergedTitle: string;
  mergedSummary: (files: number, dirs: number, size: string, hidden: string) => string;
  mergedName: string;
  mergedFiles: string;
  mergedSize: string;
  mergedFrom: string;
  rowName: (kind: "layer" | "empty" | "init" | "upper", layerNumber: number) => string;
  // cache
  noBuild: string;
  buildTitle: (n: number, source: string, builder: string) => string;
  buildSummary: (hits: number, misses: number, tags: string) => string;
  buildFailed: (message: string) => string;
  cacheStep: string;
  cacheInstruction: string;
  cacheResult: string;
  cacheWhy: string;
  cacheHit: string;
  stage: string;
  missReason: (reason: MissReason | null) => string;
  metadataNote: string;
  // containers
  noContainers: string;
  diagramLabel: (summary: string) => string;
  diagramNone: string;
  removedTitle: string;
  removed: (name: string, trail: string) => string;
  trail: string;
  statusLine: (status: string, text: string) => string;
  image: string;
  command: string;
  restart: (policy: string, count: number) => string;
  processes: string;
  noProcesses: string;
  pid: string;
  nsPid: string;
  user: string;
  state: string;
  mounts: string;
  noMounts: string;
  limits: string;
  memory: string;
  cpus: string;
  pids: string;
  unlimited: string;
  readOnlyRoot: string;
  privileged: string;
  capabilities: string;
  usage: (memory: string, limit: string, pids: number) => string;
  oomKilled: string;
  // networks
  host: string;
  interfaces: string;
  published: string;
  noPublished: string;
  network: string;
  subnet: string;
  gateway: string;
  bridgeIf: string;
  dnsOn: string;
  dnsOff: string;
  noAttachments: string;
  container: string;
  address: string;
  dnsNames: string;
  notRunning: string;
  shared: (container: string, other: string) => string;
  // volumes
  volumes: string;
  noVolumes: string;
  anonymous: string;
  volumeSize: (size: string, files: number) => string;
  unused: string;
  binds: string;
  noBinds: string;
  missingSource: string;
  tmpfs: string;
  usedBy: (container: string, destination: string, ro: boolean, running: boolean) => string;
}

const fileList = (files: Array<{ path: string; change: string }>, change: (c: string) => string) =>
  files
    .slice(0, 4)
    .map((f) => `${f.path} (${change(f.change)})`)
    .join(", ") + (files.length > 4 ? ", …" : "");

const en: ViewsStrings = {
  heading: "Engine views",
  intro: "What the simulated engine holds, redrawn after every command.",
  tabs: { layers: "Layers", cache: "Build cache", containers: "Containers", networks: "Networks", volumes: "Volumes" },
  waiting: "The views start with the terminal.",
  failed: "The views could not be loaded. Reload the page to try again.",
  subject: "Show",
  subjectAuto: "Latest (the last build, else the newest container)",
  images: "Images",
  containers: "Containers",
  noImages: "No images.",
  stackTitle: (name) => `Layer stack of ${name}`,
  stackSummary: (layers, entries, size) => `${entries} history entries, ${layers} layers, ${size} in layers.`,
  wastedSummary: (wasted, efficiency) => `${wasted} wasted: files stored in a layer but deleted or replaced above it (efficiency ${efficiency}).`,
  nothingWasted: "Nothing wasted: no layer deletes or replaces a file a lower layer stores.",
  layersListLabel: "Layers, bottom first",
  layerLabel: (n) => `layer ${n}`,
  emptyLayer: "empty layer (metadata only)",
  initLayer: "init layer",
  initLayerNote: "Docker's placeholders: /.dockerenv, /etc/hosts, /etc/hostname, /etc/resolv.conf",
  upperLayer: "container's upper layer",
  upperLayerNote: "writable: everything the container changed",
  changes: (a, m, r) => `+${a} added, ~${m} changed, −${r} removed`,
  largest: "Largest files",
  hardLinks: (n) => `(+${n} hard links)`,
  whiteout: (entry, path, bytes, files) => `whiteout ${entry} hides /${path}: ${bytes} in ${files} file${files === 1 ? "" : "s"} still stored below`,
  opaque: (entry, path, bytes, files) => `opaque directory ${entry}: hides everything below in /${path} (${bytes} in ${files} file${files === 1 ? "" : "s"})`,
  wasted: (path, bytes, fate, by) => `/${path}: ${bytes} wasted, ${fate === "deleted" ? "deleted" : "replaced"} by ${by}`,
  mergedTitle: "Merged view (what a container sees)",
  mergedSummary: (files, dirs, size, hidden) => `${files} files in ${dirs} directories, ${size}; ${hidden} in the layers is hidden.`,
  mergedName: "Path",
  mergedFiles: "Files",
  mergedSize: "Size",
  mergedFrom: "Last changed in",
  rowName: (kind, n) => (kind === "init" ? "init layer" : kind === "upper" ? "upper layer" : `layer ${n}`),
  noBuild: "No build yet. Write a Dockerfile and run docker build.",
  buildTitle: (n, source, builder) => `Build ${n}: ${source} (${builder})`,
  buildSummary: (hits, misses, tags) => `${hits} from cache, ${misses} rebuilt${tags ? `; tagged ${tags}` : ""}.`,
  buildFailed: (message) => `The build failed: ${message}`,
  cacheStep: "Step",
  cacheInstruction: "Instruction",
  cacheResult: "Cache",
  cacheWhy: "Why",
  cacheHit: "same instruction, same inputs, same parent: the layer is reused",
  stage: "Stage",
  missReason: (r) => {
    if (!r) return "";
    switch (r.kind) {
      case "first-build":
        return "first build of this Dockerfile: nothing to reuse yet";
      case "no-cache":
        return "--no-cache: every step runs again";
      case "instruction-changed":
        return `the instruction changed (was: ${r.before})`;
      case "files-changed":
        return `files changed: ${fileList(r.files, (c) => c)}`;
      case "parent-missed":
        return `an earlier step was rebuilt (${r.parent}), so every step after it runs again`;
      case "build-arg-changed":
        return `build argument changed: ${r.args.map((a) => `${a.name} ${a.before ?? "(unset)"} → ${a.after ?? "(unset)"}`).join(", ")}`;
      case "environment-changed":
        return "the environment changed";
      case "not-in-cache":
        return "not in the build cache (pruned, or never built this way)";
    }
  },
  metadataNote: "ENV, CMD, LABEL and other metadata instructions make no cache step.",
  noContainers: "No containers. Try docker run -d --name web busybox sleep 300.",
  diagramLabel: (summary) => `Container state diagram. ${summary}`,
  diagramNone: "No containers.",
  removedTitle: "Removed by the last command",
  removed: (name, trail) => `${name}: ${trail}, then gone`,
  trail: "Last command",
  statusLine: (status, text) => `${status} — ${text}`,
  image: "Image",
  command: "Command",
  restart: (policy, count) => `restart policy ${policy}, restarted ${count} time${count === 1 ? "" : "s"}`,
  processes: "Processes",
  noProcesses: "No processes: the container is not running.",
  pid: "PID on host",
  nsPid: "PID inside",
  user: "UID",
  state: "State",
  mounts: "Mounts",
  noMounts: "No mounts: only the container's own layers.",
  limits: "Limits",
  memory: "Memory",
  cpus: "CPUs",
  pids: "Processes",
  unlimited: "no limit",
  readOnlyRoot: "read-only root filesystem",
  privileged: "privileged",
  capabilities: "Capabilities",
  usage: (memory, limit, pids) => `now using ${memory} of ${limit}, ${pids} process${pids === 1 ? "" : "es"}`,
  oomKilled: "killed for running out of memory (OOMKilled)",
  host: "Host",
  interfaces: "Interfaces",
  published: "Published ports",
  noPublished: "No published ports.",
  network: "Network",
  subnet: "Subnet",
  gateway: "Gateway",
  bridgeIf: "Bridge on the host",
  dnsOn: "Containers here find each other by name (Docker's DNS at 127.0.0.11).",
  dnsOff: "No DNS by container name on this network.",
  noAttachments: "No containers attached.",
  container: "Container",
  address: "IP address",
  dnsNames: "DNS names",
  notRunning: "not running: no address",
  shared: (container, other) => `${container} shares the network namespace of ${other}.`,
  volumes: "Volumes",
  noVolumes: "No volumes.",
  anonymous: "anonymous",
  volumeSize: (size, files) => `${size} in ${files} file${files === 1 ? "" : "s"}`,
  unused: "not used by any container",
  binds: "Bind mounts (host directories)",
  noBinds: "No bind mounts.",
  missingSource: "the host path does not exist",
  tmpfs: "tmpfs mounts (in memory)",
  usedBy: (container, destination, ro, running) => `${container} → ${destination} (${ro ? "read-only" : "read-write"}${running ? ", running" : ""})`,
};

const ja: ViewsStrings = {
  heading: "エンジンの中身",
  intro: "シミュレートされたエンジンが持っているもの。コマンドを実行するたびに描き直されます。",
  tabs: { layers: "レイヤー", cache: "ビルドキャッシュ", containers: "コンテナ", networks: "ネットワーク", volumes: "ボリューム" },
  waiting: "ターミナルが起動すると表示されます。",
  failed: "表示を読み込めませんでした。ページを再読み込みしてください。",
  subject: "表示する対象",
  subjectAuto: "最新（直前のビルド、なければ最も新しいコンテナ）",
  images: "イメージ",
  containers: "コンテナ",
  noImages: "イメージがありません。",
  stackTitle: (name) => `${name} のレイヤー構成`,
  stackSummary: (layers, entries, size) => `履歴 ${entries} 件、レイヤー ${layers} 個、レイヤーの合計 ${size}。`,
  wastedSummary: (wasted, efficiency) => `${wasted} が無駄になっています。下のレイヤーに保存されたまま、上のレイヤーで削除・置き換えされたファイルです（効率 ${efficiency}）。`,
  nothingWasted: "無駄はありません。下のレイヤーのファイルを削除・置き換えしているレイヤーはありません。",
  layersListLabel: "レイヤー（下から順に）",
  layerLabel: (n) => `レイヤー ${n}`,
  emptyLayer: "空のレイヤー（メタデータのみ）",
  initLayer: "init レイヤー",
  initLayerNote: "Docker が置くもの: /.dockerenv、/etc/hosts、/etc/hostname、/etc/resolv.conf",
  upperLayer: "コンテナの上位レイヤー",
  upperLayerNote: "書き込み可能: コンテナが変更したものすべて",
  changes: (a, m, r) => `追加 ${a}、変更 ${m}、削除 ${r}`,
  largest: "大きいファイル",
  hardLinks: (n) => `（ハードリンク +${n}）`,
  whiteout: (entry, path, bytes, files) => `ホワイトアウト ${entry} が /${path} を隠しています。下のレイヤーには ${files} ファイル、${bytes} が残っています`,
  opaque: (entry, path, bytes, files) => `不透明ディレクトリ ${entry}: 下のレイヤーの /${path} の中身をすべて隠しています（${files} ファイル、${bytes}）`,
  wasted: (path, bytes, fate, by) => `/${path}: ${bytes} が無駄（${by} で${fate === "deleted" ? "削除" : "置き換え"}）`,
  mergedTitle: "統合されたビュー（コンテナから見えるもの）",
  mergedSummary: (files, dirs, size, hidden) => `${dirs} ディレクトリに ${files} ファイル、${size}。レイヤーのうち ${hidden} は見えなくなっています。`,
  mergedName: "パス",
  mergedFiles: "ファイル数",
  mergedSize: "サイズ",
  mergedFrom: "最後に変更したレイヤー",
  rowName: (kind, n) => (kind === "init" ? "init レイヤー" : kind === "upper" ? "上位レイヤー" : `レイヤー ${n}`),
  noBuild: "まだビルドしていません。Dockerfile を書いて docker build を実行してください。",
  buildTitle: (n, source, builder) => `ビルド ${n}: ${source}（${builder}）`,
  buildSummary: (hits, misses, tags) => `キャッシュから ${hits}、再実行 ${misses}${tags ? `。タグ ${tags}` : ""}。`,
  buildFailed: (message) => `ビルドに失敗しました: ${message}`,
  cacheStep: "ステップ",
  cacheInstruction: "命令",
  cacheResult: "キャッシュ",
  cacheWhy: "理由",
  cacheHit: "命令も入力も親も同じなので、レイヤーを再利用しました",
  stage: "ステージ",
  missReason: (r) => {
    if (!r) return "";
    const change = (c: string) => (c === "added" ? "追加" : c === "removed" ? "削除" : "変更");
    switch (r.kind) {
      case "first-build":
        return "この Dockerfile の初めてのビルドなので、再利用できるものがありません";
      case "no-cache":
        return "--no-cache: すべてのステップを実行し直します";
      case "instruction-changed":
        return `命令が変わりました（前: ${r.before}）`;
      case "files-changed":
        return `ファイルが変わりました: ${fileList(r.files, change)}`;
      case "parent-missed":
        return `前のステップ（${r.parent}）を実行し直したので、それ以降のステップもすべて実行し直します`;
      case "build-arg-changed":
        return `ビルド引数が変わりました: ${r.args.map((a) => `${a.name} ${a.before ?? "（未設定）"} → ${a.after ?? "（未設定）"}`).join("、")}`;
      case "environment-changed":
        return "環境が変わりました";
      case "not-in-cache":
        return "ビルドキャッシュにありません（削除されたか、この形では一度もビルドしていません）";
    }
  },
  metadataNote: "ENV、CMD、LABEL などのメタデータだけの命令はキャッシュのステップになりません。",
  noContainers: "コンテナがありません。docker run -d --name web busybox sleep 300 を試してみましょう。",
  diagramLabel: (summary) => `コンテナの状態遷移図。${summary}`,
  diagramNone: "コンテナはありません。",
  removedTitle: "直前のコマンドで削除されたもの",
  removed: (name, trail) => `${name}: ${trail} のあと削除`,
  trail: "直前のコマンド",
  statusLine: (status, text) => `${status} — ${text}`,
  image: "イメージ",
  command: "コマンド",
  restart: (policy, count) => `再起動ポリシー ${policy}、再起動 ${count} 回`,
  processes: "プロセス",
  noProcesses: "プロセスはありません。コンテナは動いていません。",
  pid: "ホストでの PID",
  nsPid: "コンテナ内の PID",
  user: "UID",
  state: "状態",
  mounts: "マウント",
  noMounts: "マウントはありません。コンテナ自身のレイヤーだけです。",
  limits: "制限",
  memory: "メモリ",
  cpus: "CPU",
  pids: "プロセス数",
  unlimited: "制限なし",
  readOnlyRoot: "読み取り専用のルートファイルシステム",
  privileged: "特権モード",
  capabilities: "ケーパビリティ",
  usage: (memory, limit, pids) => `現在 ${limit} のうち ${memory} を使用、プロセス ${pids} 個`,
  oomKilled: "メモリ不足で強制終了されました（OOMKilled）",
  host: "ホスト",
  interfaces: "インターフェイス",
  published: "公開ポート",
  noPublished: "公開しているポートはありません。",
  network: "ネットワーク",
  subnet: "サブネット",
  gateway: "ゲートウェイ",
  bridgeIf: "ホスト側のブリッジ",
  dnsOn: "このネットワークのコンテナは名前で互いを見つけられます（Docker の DNS、127.0.0.11）。",
  dnsOff: "このネットワークではコンテナ名での DNS は使えません。",
  noAttachments: "つながっているコンテナはありません。",
  container: "コンテナ",
  address: "IP アドレス",
  dnsNames: "DNS 名",
  notRunning: "停止中のためアドレスなし",
  shared: (container, other) => `${container} は ${other} のネットワーク名前空間を共有しています。`,
  volumes: "ボリューム",
  noVolumes: "ボリュームはありません。",
  anonymous: "匿名",
  volumeSize: (size, files) => `${files} ファイル、${size}`,
  unused: "どのコンテナも使っていません",
  binds: "バインドマウント（ホストのフォルダー）",
  noBinds: "バインドマウントはありません。",
  missingSource: "ホスト側のパスが存在しません",
  tmpfs: "tmpfs マウント（メモリ上）",
  usedBy: (container, destination, ro, running) => `${container} → ${destination}（${ro ? "読み取り専用" : "読み書き可"}${running ? "、実行中" : ""}）`,
};

export const viewsStrings: Record<ViewsLocale, ViewsStrings> = { en, ja };

/** The page's language as the views speak it. */
export function viewsLocale(lang: string | null | undefined): ViewsLocale {
  return lang?.toLowerCase().startsWith("ja") ? "ja" : "en";
}
