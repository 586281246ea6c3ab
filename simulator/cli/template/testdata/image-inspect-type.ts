/**
 * The Go types docker 28.2's client decodes `docker image inspect` into (image.InspectResponse
 * and its parts), enough for the recorded fixture's templates: field order as in the Go structs.
 */
import { T, type GoType } from "../value";

const S = T.string;
const strs = T.slice(T.string);
const emptyStruct = T.struct("struct {}", []);

export const timeType: GoType = T.struct("time.Time", []);

const healthcheck = T.ptr(T.struct("v1.HealthcheckConfig", [{ name: "Test", type: strs }]));

const imageConfig = T.struct("v1.ImageConfig", [
  { name: "User", type: S, omitempty: true },
  { name: "ExposedPorts", type: T.map(emptyStruct), omitempty: true },
  { name: "Env", type: strs, omitempty: true },
  { name: "Entrypoint", type: strs, omitempty: true },
  { name: "Cmd", type: strs, omitempty: true },
  { name: "Volumes", type: T.map(emptyStruct), omitempty: true },
  { name: "WorkingDir", type: S, omitempty: true },
  { name: "Labels", type: T.map(S), omitempty: true },
  { name: "StopSignal", type: S, omitempty: true },
  { name: "ArgsEscaped", type: T.bool, omitempty: true },
]);

const configExt = T.struct("v1.DockerOCIImageConfigExt", [
  { name: "Healthcheck", type: healthcheck, omitempty: true },
  { name: "OnBuild", type: strs, omitempty: true },
  { name: "Shell", type: strs, omitempty: true },
]);

export const dockerOCIImageConfig = T.struct("v1.DockerOCIImageConfig", [
  { name: "ImageConfig", type: imageConfig, embedded: true },
  { name: "DockerOCIImageConfigExt", type: configExt, embedded: true },
]);

const containerConfig = T.struct("container.Config", [
  { name: "Hostname", type: S },
  { name: "Domainname", type: S },
  { name: "User", type: S },
  { name: "AttachStdin", type: T.bool },
  { name: "AttachStdout", type: T.bool },
  { name: "AttachStderr", type: T.bool },
  { name: "Tty", type: T.bool },
  { name: "OpenStdin", type: T.bool },
  { name: "StdinOnce", type: T.bool },
  { name: "Env", type: strs },
  { name: "Cmd", type: strs },
  { name: "Image", type: S },
  { name: "Volumes", type: T.map(emptyStruct) },
  { name: "WorkingDir", type: S },
  { name: "Entrypoint", type: strs },
  { name: "OnBuild", type: strs },
  { name: "Labels", type: T.map(S) },
]);

export const imageInspect = T.struct("image.InspectResponse", [
  { name: "Id", type: S },
  { name: "RepoTags", type: strs },
  { name: "RepoDigests", type: strs },
  { name: "Parent", type: S },
  { name: "Comment", type: S },
  { name: "Created", type: S, omitempty: true },
  { name: "Container", type: S, omitempty: true },
  { name: "ContainerConfig", type: T.ptr(containerConfig), omitempty: true },
  { name: "DockerVersion", type: S, omitempty: true },
  { name: "Author", type: S },
  { name: "Config", type: T.ptr(dockerOCIImageConfig) },
  { name: "Architecture", type: S },
  { name: "Variant", type: S, omitempty: true },
  { name: "Os", type: S },
  { name: "OsVersion", type: S, omitempty: true },
  { name: "Size", type: T.int64 },
  { name: "VirtualSize", type: T.int64, omitempty: true },
  { name: "GraphDriver", type: T.struct("storage.DriverData", [{ name: "Data", type: T.map(S) }, { name: "Name", type: S }]) },
  { name: "RootFS", type: T.struct("image.RootFS", [{ name: "Type", type: S }, { name: "Layers", type: strs, omitempty: true }]) },
  { name: "Metadata", type: T.struct("image.Metadata", [{ name: "LastTagTime", type: timeType, omitempty: true }]) },
  { name: "Descriptor", type: T.ptr(T.struct("v1.Descriptor", [])), omitempty: true },
  { name: "Manifests", type: T.slice(T.struct("image.ManifestSummary", [])), omitempty: true },
]);
