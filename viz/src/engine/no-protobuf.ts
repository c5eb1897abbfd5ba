/** Stands in for protobufjs in the browser bundle (see vite.config.ts): the engine never serialises a sketch. */
const noProtobuf: Record<string, never> = {};
export default noProtobuf;
