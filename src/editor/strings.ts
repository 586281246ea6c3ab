/** Texts of the host files editor in each site language. */
export type EditorLocale = "en" | "ja";

export interface EditorStrings {
  title: string;
  intro: string;
  loading: string;
  treeLabel: string;
  empty: string;
  truncated: string;
  newFile: string;
  newFolder: string;
  rename: string;
  delete: string;
  nameLabel: (action: "file" | "dir" | "rename") => string;
  ok: string;
  cancel: string;
  confirmDelete: (path: string) => string;
  noFile: string;
  editorLabel: (path: string) => string;
  saved: (path: string) => string;
  unsaved: string;
  notText: (path: string, why: "binary" | "too-large") => string;
  failed: (what: string, reason: string) => string;
  gone: (path: string) => string;
  changedOnDisk: (path: string) => string;
  directory: string;
  symlink: string;
}

export const editorStrings: Record<EditorLocale, EditorStrings> = {
  en: {
    title: "Host files",
    intro: "Files in /home/learner on the simulated host: the same files docker build reads and cat prints.",
    loading: "The editor opens with the terminal…",
    treeLabel: "Files in /home/learner",
    empty: "No files yet. Make one with New file, or in the terminal.",
    truncated: "Only the first files are listed.",
    newFile: "New file",
    newFolder: "New folder",
    rename: "Rename",
    delete: "Delete",
    nameLabel: (a) => (a === "file" ? "New file name (relative to /home/learner)" : a === "dir" ? "New folder name (relative to /home/learner)" : "New name (relative to /home/learner)"),
    ok: "OK",
    cancel: "Cancel",
    confirmDelete: (p) => `Delete ${p}? A folder is deleted with everything in it.`,
    noFile: "Choose a file to edit.",
    editorLabel: (p) => `Contents of ${p}`,
    saved: (p) => `Saved ${p}.`,
    unsaved: "Saving…",
    notText: (p, why) => (why === "binary" ? `${p} is not a text file.` : `${p} is too large to edit here.`),
    failed: (what, reason) => `Could not ${what}: ${reason}.`,
    gone: (p) => `${p} no longer exists.`,
    changedOnDisk: (p) => `${p} was changed in the terminal; the editor shows the new content.`,
    directory: "folder",
    symlink: "link",
  },
  ja: {
    title: "ホストのファイル",
    intro: "シミュレートされたホストの /home/learner にあるファイルです。docker build が読み、cat が表示するのと同じファイルです。",
    loading: "エディターはターミナルと一緒に開きます…",
    treeLabel: "/home/learner のファイル",
    empty: "まだファイルがありません。「新しいファイル」かターミナルで作成してください。",
    truncated: "最初のファイルだけを表示しています。",
    newFile: "新しいファイル",
    newFolder: "新しいフォルダー",
    rename: "名前を変更",
    delete: "削除",
    nameLabel: (a) => (a === "file" ? "新しいファイルの名前（/home/learner からの相対パス）" : a === "dir" ? "新しいフォルダーの名前（/home/learner からの相対パス）" : "新しい名前（/home/learner からの相対パス）"),
    ok: "OK",
    cancel: "キャンセル",
    confirmDelete: (p) => `${p} を削除しますか？フォルダーは中身ごと削除されます。`,
    noFile: "編集するファイルを選んでください。",
    editorLabel: (p) => `${p} の内容`,
    saved: (p) => `${p} を保存しました。`,
    unsaved: "保存しています…",
    notText: (p, why) => (why === "binary" ? `${p} はテキストファイルではありません。` : `${p} は大きすぎるため、ここでは編集できません。`),
    failed: (what, reason) => `${what}できませんでした: ${reason}`,
    gone: (p) => `${p} はもうありません。`,
    changedOnDisk: (p) => `${p} がターミナルで変更されたため、新しい内容を表示しています。`,
    directory: "フォルダー",
    symlink: "リンク",
  },
};

/** What failed, for `failed` (an English verb phrase, or a Japanese noun phrase). */
export const editorActions: Record<EditorLocale, Record<"save" | "open" | "create" | "rename" | "delete", (p: string) => string>> = {
  en: {
    save: (p) => `save ${p}`,
    open: (p) => `open ${p}`,
    create: (p) => `create ${p}`,
    rename: (p) => `rename ${p}`,
    delete: (p) => `delete ${p}`,
  },
  ja: {
    save: (p) => `${p} を保存`,
    open: (p) => `${p} を開くことが`,
    create: (p) => `${p} を作成`,
    rename: (p) => `${p} の名前を変更`,
    delete: (p) => `${p} を削除`,
  },
};
