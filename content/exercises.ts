/**
 * Every exercise of the course, by lesson. The workbook, the headless replay in CI and the
 * verify CLI all read this list. Add a lesson's exercises here when the lesson gets them.
 * validateRegistry checks every exercise when this module loads, so a broken one fails the
 * site build and the tests with a message naming it (rules: simulator/check/validate.ts).
 */
import type { Exercise } from "../simulator/check/exercise";
import { validateRegistry } from "../simulator/check/validate";
import firstContainer from "./lessons/first-container/exercises";
import namespaces from "./lessons/namespaces/exercises";
import cgroups from "./lessons/cgroups/exercises";
import imageLayers from "./lessons/image-layers/exercises";
import unionFilesystems from "./lessons/union-filesystems/exercises";
import whiteouts from "./lessons/whiteouts/exercises";
import security from "./lessons/security/exercises";
import buildCache from "./lessons/build-cache/exercises";
import lifecycle from "./lessons/lifecycle/exercises";
import registries from "./lessons/registries/exercises";
import movingASystem from "./lessons/moving-a-system/exercises";
import compose from "./lessons/compose/exercises";
import volumes from "./lessons/volumes/exercises";
import ecosystem from "./lessons/ecosystem/exercises";
import networks from "./lessons/networks/exercises";

export const exercisesByLesson: Record<string, Exercise[]> = validateRegistry({
  "first-container": firstContainer,
  namespaces,
  cgroups,
  "image-layers": imageLayers,
  "union-filesystems": unionFilesystems,
  whiteouts,
  security,
  "build-cache": buildCache,
  lifecycle,
  registries,
  "moving-a-system": movingASystem,
  compose,
  volumes,
  ecosystem,
  networks,
});

export const allExercises: Exercise[] = Object.values(exercisesByLesson).flat();

export function findExercise(id: string): Exercise | undefined {
  return allExercises.find((e) => e.id === id);
}
