/** The class roll-up page: decodes pasted codes in the browser and draws the table. */
import { pageCopy } from "../copy";
import { rollUp } from "../roll-up";
import { part, readCourse, say } from "./common";

const root = document.querySelector<HTMLElement>("ll-class-page");
if (root) start(root);

function start(root: HTMLElement) {
  const all = pageCopy();
  const copy = all.class;
  const course = readCourse(root);
  const input = root.querySelector<HTMLTextAreaElement>("#ll-class-codes")!;

  part<HTMLFormElement>(root, "form").addEventListener("submit", (event) => {
    event.preventDefault();
    const { rows, problems } = rollUp(input.value, course.lessons);
    const message = part(root, "message");
    const body = part(root, "rows");
    body.replaceChildren();
    let unknown = 0;
    rows.forEach((row, i) => {
      unknown += row.unknown;
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = row.name ?? copy.unnamed(i + 1);
      tr.append(th);
      for (const cell of [...row.lessons, { done: row.done, total: row.total, complete: row.done === row.total && row.total > 0 }]) {
        const td = document.createElement("td");
        td.textContent = `${cell.done}/${cell.total}`;
        td.title = copy.cellTitle(cell.done, cell.total);
        if (cell.complete) td.classList.add("ll-complete");
        else if (cell.done === 0) td.classList.add("ll-none");
        tr.append(td);
      }
      body.append(tr);
    });
    part(root, "caption").textContent = copy.caption(rows.length);
    part(root, "result").hidden = rows.length === 0;
    const list = part(root, "problem-list");
    list.replaceChildren(
      ...problems.map((problem) => {
        const li = document.createElement("li");
        li.textContent = copy.lineProblem(problem.line, all.decodeErrors[problem.error]);
        return li;
      }),
    );
    part(root, "problems").hidden = problems.length === 0;
    if (rows.length === 0 && problems.length === 0) say(message, copy.empty, "error");
    else say(message, unknown ? copy.unknownNote(unknown) : "");
  });
}
